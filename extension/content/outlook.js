// Outlook on the web: the open conversation in the reading pane. Addresses appear in title/aria-label
// attributes of the persona elements ("Jane Doe <jane@acme.com>") or in their text.
globalThis.__seguitoRegister({
  container() {
    return document.querySelector('[data-app-section="ConversationContainer"]')
      ?? document.querySelector('#ReadingPaneContainerId')
      ?? document.querySelector('div[role="main"] [aria-label="Reading Pane"]');
  },
  /** The signed-in account, from the account manager ("me control") in the page header. */
  ownEmails() {
    const own = [];
    for (const el of document.querySelectorAll('#mectrl_currentAccount_secondary, #O365_MainLink_Me [title*="@"], [data-testid="mectrl_currentAccount_secondary"]')) {
      const m = (el.getAttribute('title') ?? el.textContent).match(/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i);
      if (m) own.push(m[0].toLowerCase());
    }
    return own;
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
    return { kind: 'outlook_thread', participants: found, ownEmails: this.ownEmails(), subject, pageUrl: location.href };
  },
  extract(h) {
    const c = this.container();
    if (!c) return { error: 'no_thread', message: 'Open an email conversation first.' };
    return { source: 'outlook_thread', pageUrl: location.href, html: h.wrapDocument([], [c]) };
  },
});
