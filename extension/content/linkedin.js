// LinkedIn profile pages (/in/<slug>/) and company pages (/company/<slug>/ and its sub-pages). Matches all of
// www.linkedin.com because LinkedIn is a single-page app: going from search results to a profile changes the URL
// without loading a page, so a script matched only on /in/* would not be there. On any other path it answers
// "not a profile or company page" and reads nothing.
const PAGES = [
  { kind: 'linkedin_profile', path: /^\/in\/([^/?#]+)/i, base: 'https://www.linkedin.com/in/' },
  // a sub-page (/about/, /people/) is the same company: the server keys it by the slug alone
  { kind: 'linkedin_company', path: /^\/company\/([^/?#]+)/i, base: 'https://www.linkedin.com/company/' },
];

globalThis.__seguitoRegister({
  /** {kind, url} of a LinkedIn address (the canonical URL: lower-case slug, trailing slash, no sub-page), or null. */
  canonical(href = location.href) {
    let pathname;
    try { pathname = new URL(href, 'https://www.linkedin.com/').pathname; } catch { return null; }
    for (const page of PAGES) {
      const m = pathname.match(page.path);
      if (!m) continue;
      let slug = m[1];
      try { slug = decodeURIComponent(slug); } catch { /* keep as is */ }
      return { kind: page.kind, url: `${page.base}${encodeURIComponent(slug.toLowerCase())}/` };
    }
    return null;
  },
  identify() {
    const page = this.canonical();
    if (!page) return { kind: 'none', reason: 'not_a_profile', site: 'linkedin', pageUrl: location.href };
    // a company page's own title comes first: its main may hold other headings before it
    const h1 = (page.kind === 'linkedin_company' && document.querySelector('main h1.org-top-card-summary__title'))
      || document.querySelector('main h1');
    const name = h1?.textContent?.trim() || null;
    return { kind: page.kind, linkedinUrl: page.url, name, pageUrl: location.href };
  },
  extract(h) {
    const page = this.canonical();
    const main = document.querySelector('main');
    if (!page) return { error: 'not_a_profile', message: 'This page is not a LinkedIn profile or company page.' };
    if (!main) {
      return page.kind === 'linkedin_company'
        ? { error: 'not_a_company', message: 'This page is not a LinkedIn company page.' }
        : { error: 'not_a_profile', message: 'This page is not a LinkedIn profile.' };
    }
    return { source: page.kind, pageUrl: page.url, html: h.wrapDocument(h.metaNodes(), [main]) };
  },
});
