// LinkedIn profile pages. Matches all of www.linkedin.com because LinkedIn is a single-page app: going from
// search results to a profile changes the URL without loading a page, so a script matched only on /in/* would
// not be there. On any other path it answers "not a profile" and reads nothing.
globalThis.__seguitoRegister({
  profileUrl() {
    const m = location.pathname.match(/^\/in\/([^/?#]+)/i);
    if (!m) return null;
    let slug = m[1];
    try { slug = decodeURIComponent(slug); } catch { /* keep as is */ }
    return `https://www.linkedin.com/in/${encodeURIComponent(slug.toLowerCase())}/`;
  },
  identify() {
    const linkedinUrl = this.profileUrl();
    if (!linkedinUrl) return { kind: 'none', reason: 'not_a_profile', site: 'linkedin', pageUrl: location.href };
    const name = document.querySelector('main h1')?.textContent?.trim() || null;
    return { kind: 'linkedin_profile', linkedinUrl, name, pageUrl: location.href };
  },
  extract(h) {
    const linkedinUrl = this.profileUrl();
    const main = document.querySelector('main');
    if (!linkedinUrl || !main) return { error: 'not_a_profile', message: 'This page is not a LinkedIn profile.' };
    return { source: 'linkedin_profile', pageUrl: linkedinUrl, html: h.wrapDocument(h.metaNodes(), [main]) };
  },
});
