// The same extension in a real Firefox (Debian's firefox-esr, WebDriver BiDi) against the real server: it installs,
// its background (an event page in Firefox, not a service worker) runs, it pairs, a LinkedIn profile and a Gmail
// thread are captured from the panel page into cards, and a capture made while the server is down waits in the
// queue, is retried by alarm and delivered once; a hostile page stays text, a title is corrected by hand, a
// LinkedIn company page is captured and its industry and size reach the card of a person who works there, a
// colleague's touch and a colleague's capture show live, a touch is logged from the panel, a contact typed in by hand
// (met at an event) shows as a card with the written follow-up next, a possible duplicate is merged, a page that is
// not a profile (or LinkedIn's sign-in wall) is refused once and not retried, a large page goes gzip-compressed, a
// suggestion is snoozed, dismissed and marked done, a hidden panel lets go of its event stream and catches up once
// seen, an address is removed only once confirmed and put back, a contact is exported as a vCard and deleted
// everywhere only once asked twice (a member sees a note when the team keeps that for admins), and a revoked token
// says so.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES, skipReason, startServer, startFixtureSite, api, apiCall, freePort, tempDir, until } from './helpers/harness.mjs';
import { FIREFOX, launchFirefox } from './helpers/firefox.mjs';

const skip = skipReason() ?? (fs.existsSync(FIREFOX) ? null : `no Firefox at ${FIREFOX}`);

describe('Seguito extension in Firefox against the real server', { skip: skip ?? false, timeout: 10 * 60_000 }, () => {
  let site; let server; let ff; let options; let token; let home; let port;
  let bruno; // a second team member, talking to the API directly

  before(async () => {
    site = await startFixtureSite();
    home = tempDir('seguito-home-ff-');
    port = await freePort();
    server = await startServer({ home, port });
    ff = await launchFirefox({ sitePort: site.port });
  });

  after(async () => {
    await ff?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await site?.close().catch(() => {});
  }, { timeout: 60_000 });

  it('installs: its background opens the options page, which pairs with the server', async () => {
    options = await ff.extensionTab('options.html');
    await options.fill('#server-url', server.url);
    await options.fill('#pairing-code', server.adminPairingCode());
    await options.click('#pair');
    await options.waitText('#status', (t) => /Paired as/.test(t), 'pairing');
    token = (await options.run('async () => JSON.stringify((await browser.storage.local.get("config")).config)')).token;
    assert.match(token, /\S/);
    assert.equal((await api(server, token, 'GET', '/api/v1/me')).member.role, 'admin');
    await options.screenshot('firefox-options-paired');
  });

  let opened = [];
  /**
   * The panel page pinned to a new tab on `url` (the sidebar itself opens only on the user's click). The tabs of the
   * panel before are closed first: each open panel holds an event stream, and Firefox keeps at most 6 connections
   * to one server, so a seventh panel would wait forever for its look-up.
   */
  async function panelFor(url) {
    await Promise.all(opened.map((t) => t.close().catch(() => {})));
    const site = await ff.open(url);
    // the extension has no "tabs" permission: it sees ids, not URLs; the page just opened is the newest tab
    const tabId = await options.run('async () => JSON.stringify(Math.max(...(await browser.tabs.query({})).map((t) => t.id)))');
    await options.run('async (p) => { await browser.tabs.create({ url: JSON.parse(p) }); return "null"; }', `sidepanel.html?tabId=${tabId}`);
    const panel = await ff.extensionTab(`sidepanel.html?tabId=${tabId}`);
    await panel.panelSize();
    opened = [site, panel];
    return { site, panel };
  }

  it('captures a LinkedIn profile from the panel and shows the card, live', async () => {
    const { panel } = await panelFor('https://www.linkedin.com/in/giulia-fontana/');
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Giulia Fontana', 'card of Giulia Fontana');
    assert.match(await panel.text('[data-testid="next-touch-reason"]'), /\S/, 'the card gives its next touch a reason');
    await panel.waitText('#live', (t) => t === 'Live', 'live updates connected');
    await panel.screenshot('firefox-sidepanel-card');

    const found = await api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    assert.equal(found.displayName, 'Giulia Fontana');
  });

  it('captures an open Gmail thread and shows the other person\'s card', async () => {
    const { panel } = await panelFor('https://mail.google.com/mail/u/0/#inbox/FMfcgzQfixture0001');
    await panel.waitText('[data-testid="page-name"]', (t) => t === 'Marta Quiroga', 'the thread\'s counterpart');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="card-name"]', (t) => t.includes('Marta'), 'card of Marta Quiroga');
    const card = await api(server, token, 'GET', '/api/v1/contacts?q=quiroga');
    assert.equal(card.total, 1);
    await panel.screenshot('firefox-sidepanel-gmail');
  });

  it('renders a hostile profile as text, never as markup', async () => {
    const { panel } = await panelFor('https://www.linkedin.com/in/eve-mallory/');
    const raw = 'Eve <img src=x onerror="window.__seguitoPwned=1"> Mallory';
    await panel.waitText('[data-testid="page-name"]', (t) => t === raw, 'the hostile name, as text');
    await panel.click('[data-testid="capture"]');
    const shown = await panel.waitText('[data-testid="card-name"]', (t) => t.includes('Mallory'), 'hostile card');
    const eve = await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent('https://www.linkedin.com/in/eve-mallory/')}`);
    assert.equal(shown, eve.displayName, 'the name is shown exactly as the server stored it');
    const dom = await panel.run(`() => JSON.stringify({
      nameChildren: document.querySelector('[data-testid="card-name"]').children.length,
      injected: document.querySelectorAll('img[src="x"], script:not([src]), svg').length })`);
    assert.deepEqual(dom, { nameChildren: 0, injected: 0 });
    // an onerror handler would run once the image failed to load: give it the time, then look
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(await panel.run('() => JSON.stringify(window.__seguitoPwned ?? null)'), null);
  });

  it('corrects a title by hand from the panel', async () => {
    const { panel } = await panelFor('https://www.linkedin.com/in/giulia-fontana/');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Giulia Fontana', 'card of Giulia Fontana');
    await panel.click('[data-testid="edit-open"]');
    await panel.waitText('[data-testid="edit-form"]', () => true, 'the edit form');
    await panel.fill('#edit-title', 'Chief Operating Officer');
    await panel.click('[data-testid="edit-save"]');
    await until(async () => (await panel.text('[data-testid="edit-form"]')) === null, { what: 'edit saved' });
    const card = await api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    assert.equal(card.title, 'Chief Operating Officer');
    assert.ok(card.sources.some((s) => s.source === 'manual'), 'recorded as a correction by hand');
    await panel.waitText('article.card', (t) => t.includes('Chief Operating Officer'), 'the corrected title on the card');

    await panel.click('[data-testid="edit-open"]');
    await panel.waitText('[data-testid="edit-form"]', () => true, 'the edit form again');
    await panel.fill('#edit-tags', '<i>VIP</i>, Trade fair 2026');
    await panel.click('[data-testid="edit-save"]');
    await until(async () => (await panel.text('[data-testid="edit-form"]')) === null, { what: 'tags saved' });
    const tagged = await api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    assert.deepEqual(tagged.tags, ['<i>VIP</i>', 'Trade fair 2026']);
    await panel.waitText('[data-testid="tags"]', (t) => t === '<i>VIP</i>Trade fair 2026', 'the tags on the card, as text');
    assert.equal(await panel.run('() => JSON.stringify(document.querySelectorAll(\'[data-testid="tags"] i\').length)'), 0);
  });

  it('captures a LinkedIn company page: its industry and size reach the card of Giulia, who works there', async () => {
    const company = 'https://www.linkedin.com/company/lumen-robotics/';
    const giulia = () => api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    assert.equal((await giulia()).industry ?? null, null, 'no industry before');
    const { panel } = await panelFor('https://www.linkedin.com/company/lumen-robotics/about/');
    assert.equal(await panel.waitText('[data-testid="company-unknown"] [data-testid="company-name"]', () => true, 'the company not captured yet'),
      'Lumen Robotics');
    assert.equal(await panel.text('[data-testid="capture"]'), 'Capture company');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="company-card"]', () => true, 'the company card', 20_000);
    assert.equal(await panel.text('[data-testid="company-industry"]'), 'Automation Machinery Manufacturing');
    assert.equal(await panel.text('[data-testid="company-companySize"]'), '51-200 employees');
    assert.equal(await panel.text('[data-testid="company-employee"] .name'), 'Giulia Fontana');
    assert.equal(await panel.count('[data-testid="company-employee"]'), 1);
    await panel.screenshot('firefox-sidepanel-company');
    const card = await giulia();
    assert.deepEqual([card.industry, card.companySize], ['Automation Machinery Manufacturing', '51-200']);
    const found = await api(server, token, 'GET', `/api/v1/companies/lookup?linkedinUrl=${encodeURIComponent(company)}`);
    assert.equal(found.linkedinUrl, company, 'stored under the canonical address, not the About sub-page');
  });

  it('refreshes live when a colleague logs a touch on the contact on screen', async () => {
    const created = await api(server, token, 'POST', '/api/v1/team/members', { name: 'Bruno Bianchi', email: 'bruno.bianchi@ourteam.example', role: 'member' });
    bruno = (await api(server, null, 'POST', '/api/v1/pair', { code: created.pairingCode, deviceName: 'test client' })).token;
    const { panel } = await panelFor('https://www.linkedin.com/in/giulia-fontana/');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Giulia Fontana', 'card of Giulia Fontana');
    await panel.waitText('#live', (t) => t === 'Live', 'live updates connected');
    await panel.run('() => { window.__noReload = true; return "null"; }');
    const giulia = await api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    await api(server, bruno, 'POST', `/api/v1/contacts/${giulia.id}/interactions`,
      { type: 'call', direction: 'outbound', occurredAt: new Date().toISOString(), note: 'Bruno called about the pilot' });
    await panel.waitText('[data-testid="timeline"]', (t) => t.includes('by Bruno Bianchi'), 'the colleague\'s call in the timeline', 20_000);
    assert.equal(await panel.run('() => JSON.stringify(window.__noReload ?? null)'), true, 'the panel updated in place');
    await panel.screenshot('firefox-sidepanel-live');
  });

  it('shows a colleague\'s capture of the person on screen, live', async () => {
    const url = 'https://www.linkedin.com/in/lars-okafor/';
    const { panel } = await panelFor(url);
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.waitText('#live', (t) => t === 'Live', 'live updates connected');
    await panel.run('() => { window.__noReload = true; return "null"; }');
    const html = fs.readFileSync(path.join(FIXTURES, 'linkedin', 'lars-okafor.html'), 'utf8');
    await api(server, bruno, 'POST', '/api/v1/captures', {
      source: 'linkedin_profile', pageUrl: url, html, mime: null,
      capturedAt: new Date().toISOString(), idempotencyKey: crypto.randomUUID(),
    });
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Lars Okafor', 'the card Bruno captured', 20_000);
    assert.equal(await panel.run('() => JSON.stringify(window.__noReload ?? null)'), true, 'the panel updated in place');
  });

  it('logs a touch from the panel: it lands in the timeline and on the server', async () => {
    const url = 'https://www.linkedin.com/in/lars-okafor/';
    const { panel } = await panelFor(url);
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Lars Okafor', 'card of Lars Okafor');
    await panel.click('[data-testid="log-open"]');
    await panel.select('#log-type', 'meeting');
    await panel.fill('#log-note', 'Coffee at the harbour-tech meetup');
    await panel.click('[data-testid="log-save"]');
    await until(async () => (await panel.count('[data-testid="timeline-item"][data-type="meeting"]')) > 0, { what: 'meeting in timeline' });
    const lars = await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent(url)}`);
    assert.ok(lars.timeline.some((i) => i.type === 'meeting' && i.note === 'Coffee at the harbour-tech meetup'),
      `the server has the meeting and its note: ${JSON.stringify(lars.timeline)}`);
    await panel.waitText('[data-testid="timeline-note"]', (t) => t === 'Coffee at the harbour-tech meetup', 'the note in the timeline');
    await panel.waitText('[data-testid="next-touch-reason"]', (t) => t.length > 0, 'a reason after the meeting');
  });

  it('adds a contact typed in by hand, met at an event, on a page that is about no one', async () => {
    const { panel } = await panelFor('about:blank');
    await until(async () => (await panel.run('() => JSON.stringify(document.body.dataset.view)')) === 'no_page', { what: 'the empty view' });
    await panel.click('[data-testid="add-contact-open"]');
    await panel.waitText('[data-testid="entry-form"]', () => true, 'the form');
    await panel.fill('#entry-fullName', 'Ana Sousa');
    await panel.fill('#entry-email', 'ana.sousa@vinhos-douro.pt');
    await panel.fill('#entry-company', 'Vinhos do Douro Lda');
    await panel.fill('#entry-tags', 'Web Summit 2026');
    await panel.click('#entry-met');
    await panel.fill('#entry-where', 'Web Summit, Lisbon');
    await panel.click('[data-testid="entry-save"]');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Ana Sousa', 'her card', 20_000);
    assert.equal(await panel.text('[data-testid="entry-status"]'), 'Added to your team\'s contacts');
    await panel.waitText('[data-testid="next-touch-action"]', (t) => /written follow-up/i.test(t), 'the written follow-up as the next touch');
    await panel.screenshot('firefox-sidepanel-added-contact');
    const ana = await api(server, token, 'GET', `/api/v1/contacts/lookup?email=${encodeURIComponent('ana.sousa@vinhos-douro.pt')}`);
    assert.equal(ana.displayName, 'Ana Sousa');
    assert.deepEqual(ana.tags, ['Web Summit 2026']);
    const { items } = await api(server, token, 'GET', `/api/v1/contacts/${ana.id}/timeline`);
    assert.equal(items.filter((i) => i.type === 'meeting').length, 1, 'the meeting, logged');
  });

  it('offers "possible duplicate: merge?" and merges on confirmation', async () => {
    const { panel } = await panelFor('https://www.linkedin.com/in/giulia-fontana-lr/'); // same name and company, another profile
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Giulia Fontana', 'card of the second Giulia');
    assert.equal(await panel.run('() => JSON.stringify(document.querySelector(\'[data-testid="match-status"]\')?.dataset.status ?? null)'),
      'possible_duplicate');
    await panel.waitText('[data-testid="duplicate"]', (t) => /Giulia Fontana/.test(t), 'the duplicate question');
    await panel.run(`() => { [...document.querySelectorAll('[data-testid="duplicate"] button')].find((b) => b.textContent.includes('Merge')).click();
      return "null"; }`);
    await until(async () => (await panel.count('[data-testid="duplicate"]')) === 0, { what: 'duplicate merged' });
    assert.equal((await api(server, token, 'GET', '/api/v1/contacts?q=Giulia')).total, 1, 'one Giulia left');
  });

  it('shows "This page is not a LinkedIn profile" (422 not_a_profile) and does not retry it', async () => {
    const storage = (key) => options.run('async (k) => JSON.stringify((await browser.storage.local.get(JSON.parse(k)))[JSON.parse(k)] ?? null)', key);
    const { panel } = await panelFor('https://www.linkedin.com/in/no-such-person-fixture/');
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.click('[data-testid="capture"]');
    assert.equal(await panel.waitText('main [data-testid="error"]', () => true, 'the refusal', 20_000),
      'This page is not a LinkedIn profile.');
    const queue = await storage('queue');
    assert.equal(queue.length, 1);
    assert.equal(queue[0].status, 'failed');
    assert.equal(queue[0].attempts, 1, 'a 4xx other than 408/429 is not retried');
    assert.equal(queue[0].lastError.code, 'not_a_profile');
    await panel.waitText('[data-testid="queue-item"][data-status="failed"]', () => true, 'the failed capture listed');
    await panel.run(`() => { [...document.querySelectorAll('[data-testid="queue-item"] button')].find((b) => b.textContent.includes('Discard')).click();
      return "null"; }`);
    await until(async () => ((await storage('queue')) ?? []).length === 0, { what: 'discarded' });
  });

  it('removes a wrong address only once confirmed, and puts it back by hand', async () => {
    const { panel } = await panelFor('https://mail.google.com/mail/u/0/#inbox/FMfcgzQfixture0001');
    await panel.waitText('[data-testid="card-name"]', (t) => t.includes('Marta'), 'card of Marta Quiroga');
    const id = await panel.run('() => JSON.stringify(document.querySelector(\'[data-testid="card"]\').dataset.contactId)');
    const EMAIL = '[data-testid="address"][data-kind="email"]';
    const before = await panel.count(EMAIL);
    assert.ok(before >= 1, 'the thread gave Marta an email address');
    const address = (await panel.text(EMAIL)).replace(/×$/, '').replace(/ \(bounced\)$/, '').trim();

    await panel.click(`${EMAIL} [data-testid="remove-address"]`);
    assert.equal(await panel.waitText('[data-testid="remove-confirm"] h2', () => true, 'the question'), 'Remove this email address?');
    await panel.click('[data-testid="remove-no"]');
    assert.equal(await panel.count('[data-testid="remove-confirm"]'), 0);
    assert.ok((await api(server, token, 'GET', `/api/v1/contacts/${id}`)).emails.some((e) => e.address === address), 'Cancel removes nothing');

    await panel.click(`${EMAIL} [data-testid="remove-address"]`);
    await panel.waitText('[data-testid="remove-confirm"]', () => true, 'the question again');
    await panel.click('[data-testid="remove-yes"]');
    await until(async () => (await panel.count(EMAIL)) === before - 1, { what: 'address removed from the card' });
    assert.ok(!(await api(server, token, 'GET', `/api/v1/contacts/${id}`)).emails.some((e) => e.address === address),
      'gone for the whole team');

    await panel.click('[data-testid="address-add-open"]');
    await panel.waitText('[data-testid="address-form"]', () => true, 'the address form');
    await panel.select('#address-kind', 'email');
    await panel.fill('#address-value', address);
    await panel.click('[data-testid="address-save"]');
    await until(async () => (await panel.count(EMAIL)) === before && (await panel.count('[data-testid="address-form"]')) === 0,
      { what: 'address back on the card' });
    assert.ok((await api(server, token, 'GET', `/api/v1/contacts/${id}`)).emails.some((e) => e.address === address), 'back for the whole team');
  });

  it('exports a vCard, shows a member a note when deleting is kept for admins, and deletes only once asked twice', async () => {
    const url = 'https://www.linkedin.com/in/eve-mallory/';
    const eve = await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent(url)}`);
    const { panel } = await panelFor(url);
    await panel.waitText('[data-testid="card-name"]', (t) => t.includes('Mallory'), 'card of Eve');
    await panel.click('[data-testid="export-vcard"]');
    let file = null;
    await until(() => { file = fs.readdirSync(ff.downloads).find((f) => f.endsWith('.vcf')); return !!file; }, { what: 'the .vcf download' });
    assert.doesNotMatch(file, /[<>"=/]/, 'the file name keeps no markup from the hostile name');
    const vcf = await until(() => { const t = fs.readFileSync(`${ff.downloads}/${file}`, 'utf8'); return /END:VCARD/.test(t) && t; }, { what: 'the whole file' });
    assert.match(vcf, /^BEGIN:VCARD\r?\n/);
    assert.match(vcf, /\nFN:Eve .*Mallory\r?\n/);

    const useToken = (t) => options.run('async (t) => { const { config } = await browser.storage.local.get("config"); await browser.storage.local.set({ config: { ...config, token: JSON.parse(t) } }); return "null"; }', t);
    await useToken(bruno); // the panel now speaks for Bruno, a member
    try {
      await panel.waitText('[data-testid="delete-open"]', () => true, 'a member may delete by default', 20_000);
      await api(server, token, 'PATCH', '/api/v1/team/settings', { contactErasure: 'admins' });
      assert.equal(await panel.waitText('[data-testid="delete-admins-only"]', () => true, 'the note for a member', 20_000),
        "Only your team's admins delete contacts everywhere.");
      assert.equal(await panel.count('[data-testid="delete-open"]'), 0);
    } finally {
      await api(server, token, 'PATCH', '/api/v1/team/settings', { contactErasure: 'members' });
      await useToken(token);
    }

    await panel.waitText('[data-testid="delete-open"]', () => true, 'the admin may delete', 20_000);
    await panel.click('[data-testid="delete-open"]');
    await panel.waitText('[data-testid="delete-confirm"]', (t) => /goes from your team's contact base/.test(t), 'the question');
    await panel.click('[data-testid="delete-no"]');
    assert.equal(await panel.count('[data-testid="delete-confirm"]'), 0);
    assert.equal((await apiCall(server, token, 'GET', `/api/v1/contacts/${eve.id}`)).status, 200, 'Cancel deletes nothing');

    await panel.click('[data-testid="delete-open"]');
    await panel.waitText('[data-testid="delete-confirm"]', () => true, 'the question again');
    await panel.click('[data-testid="delete-yes"]');
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view', 20_000);
    assert.equal((await apiCall(server, token, 'GET', `/api/v1/contacts/${eve.id}`)).status, 404, 'gone for the whole team');
  });

  it('gzip-compresses a large capture (CompressionStream) and the server takes it', async () => {
    const url = 'https://www.linkedin.com/in/kenji-watanabe/';
    const { panel } = await panelFor(url);
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Kenji Watanabe', 'card of Kenji Watanabe');
    const [delivered] = await options.run('async () => JSON.stringify((await browser.storage.local.get("delivered")).delivered)');
    assert.equal(delivered.pageUrl, url);
    assert.equal(delivered.gzipped, true, 'sent with Content-Encoding: gzip');
    assert.equal(delivered.httpStatus, 201);
    assert.equal((await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent(url)}`)).displayName,
      'Kenji Watanabe', 'the server read the compressed page');
  });

  it('treats LinkedIn\'s sign-in wall as not a profile', async () => {
    const storage = (key) => options.run('async (k) => JSON.stringify((await browser.storage.local.get(JSON.parse(k)))[JSON.parse(k)] ?? null)', key);
    const { panel } = await panelFor('https://www.linkedin.com/in/authwall/');
    await panel.waitText('[data-testid="unknown"]', () => true, 'the "not in your contacts yet" view');
    await panel.click('[data-testid="capture"]');
    assert.equal(await panel.waitText('main [data-testid="error"]', () => true, 'the refusal', 20_000),
      'This page is not a LinkedIn profile.');
    assert.equal((await storage('queue'))[0].lastError.code, 'not_a_profile');
    await panel.run(`() => { [...document.querySelectorAll('[data-testid="queue-item"] button')].find((b) => b.textContent.includes('Discard')).click();
      return "null"; }`);
    await until(async () => ((await storage('queue')) ?? []).length === 0, { what: 'discarded' });
  });

  it('snoozes, dismisses and marks done the suggestion on screen, and the server holds each mark', async () => {
    const explain = async (url) => {
      const c = await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent(url)}`);
      return { card: c, why: await api(server, token, 'GET', `/api/v1/contacts/${c.id}/next-touch/explain`) };
    };
    const mark = async (panel, testid, expected) => {
      await panel.click(`[data-testid="${testid}"]`);
      await panel.waitText('#toast', (t) => expected.test(t), `${testid} confirmed`);
      assert.equal(await panel.count('main [data-testid="error"]'), 0);
    };

    // Kenji was just captured: a suggestion is on screen. Snoozed ten days on, it comes back then, not before.
    const kenji = 'https://www.linkedin.com/in/kenji-watanabe/';
    let { panel } = await panelFor(kenji);
    await panel.waitText('[data-testid="next-touch-action"]', (t) => t.length > 0, 'Kenji\'s suggestion');
    const until10 = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await panel.fill('[data-testid="snooze-date"]', until10);
    await mark(panel, 'touch-snooze', /^Snoozed until/);
    let { card, why } = await explain(kenji);
    assert.ok(card.nextTouch.dueAt.slice(0, 10) >= until10, `due ${card.nextTouch.dueAt}, after the snooze`);
    assert.ok(why.suppressions.some((s) => s.by === 'snooze' && s.effect === 'deferred'), JSON.stringify(why.suppressions));

    // Dismissed, that suggestion is gone for good (another rule may still speak up: it is a new suggestion).
    const offer = (t) => (t ? `${t.rule} due ${t.dueAt}` : 'nothing');
    const before = offer(card.nextTouch);
    await panel.waitText('[data-testid="next-touch-action"]', (t) => t.length > 0, 'the snoozed suggestion, still shown');
    await mark(panel, 'touch-dismiss', /dismissed/);
    ({ card, why } = await explain(kenji));
    assert.ok(why.suppressions.some((s) => s.by === 'dismissed'), JSON.stringify(why.suppressions));
    assert.notEqual(offer(card.nextTouch), before, 'the dismissed suggestion is not offered again');

    // Lars, met at a meetup (logged above): marked done, the server holds the mark and stops suggesting it.
    const lars = 'https://www.linkedin.com/in/lars-okafor/';
    ({ panel } = await panelFor(lars));
    await panel.waitText('[data-testid="next-touch-action"]', (t) => t.length > 0, 'Lars\'s suggestion');
    const offered = offer((await explain(lars)).card.nextTouch);
    await mark(panel, 'touch-done', /done/);
    ({ card, why } = await explain(lars));
    assert.ok(why.suppressions.some((s) => s.by === 'done'), JSON.stringify(why.suppressions));
    assert.notEqual(offer(card.nextTouch), offered, 'the suggestion marked done is not offered again');
    await panel.screenshot('firefox-sidepanel-marked-done');
  });

  it('lets go of its event stream while nobody sees it, and shows what changed meanwhile once seen again', async () => {
    const setStreamPolicy = (policy) => options.run('async (p) => { await browser.storage.local.set({ streamPolicy: JSON.parse(p) }); return "null"; }', policy);
    const lars = 'https://www.linkedin.com/in/lars-okafor/';
    const { panel } = await panelFor(lars);
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Lars Okafor', 'card of Lars Okafor');
    await panel.waitText('#live', (t) => t === 'Live', 'live updates connected');
    const liveState = () => panel.run('() => JSON.stringify(document.querySelector("#live").dataset.state ?? null)');
    // a hidden page, as when its window is minimised; the production grace of a minute shortened
    const setVisibility = (v) => panel.run(`(v) => { const state = JSON.parse(v);
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
      document.dispatchEvent(new Event('visibilitychange')); return "null"; }`, v);
    await setStreamPolicy({ hiddenGraceMs: 300 });
    try {
      await setVisibility('hidden');
      await until(async () => (await liveState()) === 'paused', { what: 'stream paused' });
      const notes = await panel.count('[data-testid="timeline-item"][data-type="note"]');
      const id = (await api(server, token, 'GET', `/api/v1/contacts/lookup?linkedinUrl=${encodeURIComponent(lars)}`)).id;
      await api(server, bruno, 'POST', `/api/v1/contacts/${id}/interactions`,
        { type: 'note', occurredAt: new Date().toISOString(), note: 'Bruno noted a budget freeze' });
      await new Promise((r) => setTimeout(r, 1000));
      assert.equal(await panel.count('[data-testid="timeline-item"][data-type="note"]'), notes, 'nothing arrives while paused');

      await setVisibility('visible');
      await until(async () => (await liveState()) === 'open', { what: 'stream open again' });
      await until(async () => (await panel.count('[data-testid="timeline-item"][data-type="note"]')) > notes,
        { what: 'the note made while paused, once seen again' });
      await panel.waitText('#live', (t) => t === 'Live', 'live again');
    } finally {
      await setVisibility('visible').catch(() => {});
      await setStreamPolicy({});
    }
  });

  it('keeps a capture made while the server is down and delivers it once when it is back', async () => {
    const storage = (key) => options.run('async (k) => JSON.stringify((await browser.storage.local.get(JSON.parse(k)))[JSON.parse(k)] ?? null)', key);
    // the production back-off (30 s doubling) shortened to 1 s doubling up to 3 s, as in the Chromium test
    await options.run('async () => { await browser.storage.local.set({ retryPolicy: { baseMs: 1000, maxMs: 3000 } }); return "null"; }');
    await server.stop();

    const { panel } = await panelFor('https://www.linkedin.com/in/tomas-berg/');
    await panel.waitText('[data-testid="error"]', (t) => /Can't reach the Seguito server/.test(t), 'server unreachable');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="queue-item"][data-status="pending"]', () => true, 'pending capture');
    const [item] = await storage('queue');
    await until(async () => ((await storage('queue'))[0]?.attempts ?? 0) >= 2, { what: 'retried by alarm', timeout: 30_000 });
    assert.equal((await storage('queue'))[0].id, item.id, 'the same idempotency key');

    server = await startServer({ home, port });
    await until(async () => ((await storage('queue')) ?? []).length === 0, { what: 'queue drained', timeout: 60_000 });
    const [delivered] = await storage('delivered');
    assert.equal(delivered.id, item.id);
    assert.equal(delivered.httpStatus, 201);
    await panel.waitText('[data-testid="card-name"]', (t) => t === 'Tomas Berg', 'card after delivery');
    assert.equal((await api(server, token, 'GET', '/api/v1/contacts?q=Tomas')).total, 1, 'delivered once');
  });

  it('says "Your access was revoked, pair again" once the token is revoked', async () => {
    const me = await api(server, token, 'GET', '/api/v1/me');
    const code = await api(server, token, 'POST', `/api/v1/team/members/${me.member.id}/pairing-code`, {});
    const adminConsole = (await api(server, null, 'POST', '/api/v1/pair', { code: code.pairingCode, deviceName: 'admin console' })).token;
    await api(server, adminConsole, 'DELETE', `/api/v1/team/tokens/${me.tokenId}`);

    const { panel } = await panelFor('https://www.linkedin.com/in/giulia-fontana/');
    await panel.waitText('#banner [data-testid="error"]', (t) => t === 'Your access was revoked, pair again.', 'revoked message');
    await panel.waitText('#live', (t) => t === 'Signed out', 'live indicator signed out');
    // BiDi may not navigate to an extension page; the options page reloads itself instead
    await options.run('() => { setTimeout(() => location.reload(), 0); return "null"; }');
    await options.waitText('#status', (t) => t === 'Your access was revoked, pair again.', 'options message');
    assert.equal(await options.run('() => JSON.stringify(!document.querySelector("#pair-form").hidden)'), true,
      'the pairing form is offered again');
    await panel.screenshot('firefox-sidepanel-revoked');
  });
});
