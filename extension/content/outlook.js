// Outlook on the web: the open conversation in the reading pane. Addresses appear in title/aria-label
// attributes of the persona elements ("Jane Doe <jane@acme.com>") or in their text.
globalThis.__seguitoRegister({
  container() {
    return document.querySelector('[data-app-section="ConversationContainer"]')
      ?? document.querySelector('#ReadingPaneContainerId')
      ?? document.querySelector('div[role="main"] [aria-label="Reading Pane"]');
  },
  identify(h) {
    const c = this.container();
    if (!c) return { kind: 'none', reason: 'no_thread', site: 'outlook', pageUrl: location.href };
    const { found, add } = h.emailsIn(c);
    const re = /([^<>"]*?)\s*<?([^\s@<>"]+@[^\s@<>"]+\.[a-z]{2,})>?/i;
    for (const el of c.querySelectorAll('[title*="@"], [aria-label*="@"], [data-email]')) {
      const raw = el.getAttribute('data-email') ?? el.getAttribute('title') ?? el.getAttribute('aria-label');
      const m = raw.match(re);
      if (m) add(m[2], m[1] || el.textContent.replace(/<[^>]*>/g, '').trim());
    }
    const subject = c.querySelector('[role="heading"], h1, h2')?.textContent?.trim() || null;
    return { kind: 'outlook_thread', participants: found, ownEmails: [], subject, pageUrl: location.href };
  },
  extract(h) {
    const c = this.container();
    if (!c) return { error: 'no_thread', message: 'Open an email conversation first.' };
    return { source: 'outlook_thread', pageUrl: location.href, html: h.wrapDocument([], [c]) };
  },
});
