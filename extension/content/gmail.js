// Gmail: the open conversation (the reading view inside role=main). Participants carry an `email` attribute.
globalThis.__seguitoRegister({
  container() {
    const subject = document.querySelector('div[role="main"] h2.hP, div[role="main"] h2[data-thread-perm-id]');
    if (!subject) return null;
    return subject.closest('div[role="main"]');
  },
  ownEmails() {
    const own = [];
    const m = document.title.match(/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i);
    if (m) own.push(m[0].toLowerCase());
    for (const a of document.querySelectorAll('a[aria-label*="@"][href*="accounts.google.com"]')) {
      const mm = a.getAttribute('aria-label').match(/[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i);
      if (mm) own.push(mm[0].toLowerCase());
    }
    return own;
  },
  identify(h) {
    const c = this.container();
    if (!c) return { kind: 'none', reason: 'no_thread', site: 'gmail', pageUrl: location.href };
    const { found, add } = h.emailsIn(c);
    for (const el of c.querySelectorAll('[email]')) add(el.getAttribute('email'), el.getAttribute('name') ?? el.textContent);
    const subject = c.querySelector('h2')?.textContent?.trim() || null;
    return { kind: 'gmail_thread', participants: found, ownEmails: this.ownEmails(), subject, pageUrl: location.href };
  },
  extract(h) {
    const c = this.container();
    if (!c) return { error: 'no_thread', message: 'Open an email conversation first.' };
    return { source: 'gmail_thread', pageUrl: location.href, html: h.wrapDocument([], [c]) };
  },
});
