// Shared by the site scripts. A content script reads the page only when the Seguito panel asks:
//  - "seguito:identify" → who is this page about (canonical LinkedIn URL, or the thread's participants' addresses);
//  - "seguito:extract"  → the part of the page to capture (only after the user clicked Capture).
// It sends nothing to any server itself, and tells the extension only that the page changed (SPA navigation).
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;
  if (globalThis.__seguitoRegister) return;

  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

  const helpers = {
    esc,
    /** A small standalone HTML document: <title>, the given head nodes (meta, JSON-LD) and body nodes. */
    wrapDocument(headNodes, bodyNodes) {
      const head = [`<meta charset="utf-8">`, `<title>${esc(document.title)}</title>`, ...headNodes.map((n) => n.outerHTML)];
      return `<!DOCTYPE html>\n<html><head>${head.join('\n')}</head>\n<body>${bodyNodes.map((n) => n.outerHTML).join('\n')}</body></html>`;
    },
    /** JSON-LD blocks, OpenGraph/description meta and the canonical link, when the page has them. */
    metaNodes() {
      return [...document.querySelectorAll(
        'script[type="application/ld+json"], meta[property^="og:"], meta[name="description"], link[rel="canonical"]')];
    },
    emailsIn(root) {
      const found = [];
      const seen = new Set();
      const add = (email, name) => {
        const e = String(email ?? '').trim().toLowerCase();
        if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(e) || seen.has(e)) return;
        seen.add(e);
        found.push({ email: e, name: (name ?? '').trim() || null });
      };
      return { found, add };
    },
  };

  globalThis.__seguitoRegister = (adapter) => {
    ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
      if (msg?.type === 'seguito:identify') {
        sendResponse(safe(() => adapter.identify(helpers)));
      } else if (msg?.type === 'seguito:extract') {
        sendResponse(safe(() => adapter.extract(helpers)));
      }
      return false;
    });
    // Tell the panel when what the page is about changes (single-page apps change the URL or open a thread
    // without a page load). Only a fingerprint is compared here; nothing leaves the browser.
    let last = null;
    const check = () => {
      const id = safe(() => adapter.identify(helpers));
      const key = JSON.stringify(id);
      if (key !== last) {
        last = key;
        Promise.resolve().then(() => ext.runtime.sendMessage({ type: 'seguito:page-changed', identity: id })).catch(() => {});
      }
    };
    let timer = null;
    const soon = () => { clearTimeout(timer); timer = setTimeout(check, 300); };
    new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
    addEventListener('popstate', soon);
    addEventListener('hashchange', soon);
    setInterval(() => { if (!document.hidden) check(); }, 2000);
    check();
  };

  function safe(fn) {
    try { return fn(); } catch (e) { return { kind: 'none', reason: 'error', message: String(e?.message ?? e), pageUrl: location.href }; }
  }
})();
