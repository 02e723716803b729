// Fast checks without a browser: manifest shape, SSE parsing, back-off, error wording, gzip, LinkedIn URLs, the
// "add a contact" request and its idempotency key.
import './helpers/fake-ext.mjs'; // first: lib/browser.js takes the storage it finds when it loads
import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createSseParser } from '../lib/sse.js';
import { backoffDelay, DEFAULT_POLICY } from '../lib/queue.js';
import { api, ApiError, friendlyMessage, normaliseServerUrl, gzipText, captureRequest } from '../lib/api.js';
import { SubmitKey, contactBody, entryErrorText, ENTRY_STATUS, withOffset, fromLocalInput, localInputValue } from '../lib/entry.js';
import { setLocal } from '../lib/browser.js';
import { relDay } from '../lib/dom.js';
import { tagList, tagText } from '../lib/tags.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));

describe('manifest', () => {
  it('declares the Chromium side panel and the Firefox sidebar', () => {
    assert.equal(manifest.manifest_version, 3);
    assert.equal(manifest.side_panel.default_path, 'sidepanel.html');
    assert.ok(manifest.permissions.includes('sidePanel'));
    assert.equal(manifest.sidebar_action.default_panel, 'sidepanel.html');
    assert.match(manifest.browser_specific_settings.gecko.id, /@/);
    assert.ok(manifest.browser_specific_settings.gecko.strict_min_version);
  });
  it('has a background for both engines, as a module', () => {
    assert.equal(manifest.background.service_worker, 'background.js');
    assert.deepEqual(manifest.background.scripts, ['background.js']);
    assert.equal(manifest.background.type, 'module');
  });
  it('runs content scripts only on LinkedIn, Gmail and Outlook on the web', () => {
    const matches = manifest.content_scripts.flatMap((c) => c.matches).sort();
    assert.deepEqual(matches, [
      'https://mail.google.com/*', 'https://outlook.live.com/*', 'https://outlook.office.com/*',
      'https://outlook.office365.com/*', 'https://www.linkedin.com/*',
    ]);
    assert.equal(manifest.host_permissions, undefined, 'no host permissions: the server is reached through CORS');
  });
  it('references files that exist', () => {
    const files = [manifest.background.service_worker, manifest.side_panel.default_path, manifest.options_ui.page,
      ...Object.values(manifest.icons), ...manifest.content_scripts.flatMap((c) => c.js)];
    for (const f of files) assert.ok(fs.existsSync(path.join(root, f)), f);
  });
  it('never renders with innerHTML / insertAdjacentHTML / document.write', () => {
    for (const f of ['sidepanel.js', 'options.js', 'lib/dom.js', 'lib/entry.js', 'content/common.js', 'content/linkedin.js', 'content/gmail.js', 'content/outlook.js']) {
      const src = fs.readFileSync(path.join(root, f), 'utf8');
      assert.doesNotMatch(src, /\.innerHTML\s*=|insertAdjacentHTML|document\.write|outerHTML\s*=/, f);
    }
  });
});

describe('SSE parser', () => {
  it('parses events split across arbitrary chunks, with CRLF, comments and multi-line data', () => {
    const stream = ': keep-alive\r\nevent: contact\r\nid: 7\r\ndata: {"contactId":"a",\r\ndata: "kind":"captured"}\r\n\r\n'
      + 'data: plain\n\nretry: 5000\nevent: contact\ndata: {"contactId":"b"}\n\n';
    for (const size of [1, 2, 3, 7, stream.length]) {
      const got = [];
      const p = createSseParser((e) => got.push(e));
      for (let i = 0; i < stream.length; i += size) p.push(stream.slice(i, i + size));
      assert.deepEqual(got.map((e) => [e.event, e.data, e.id]), [
        ['contact', '{"contactId":"a",\n"kind":"captured"}', '7'],
        ['message', 'plain', '7'],
        ['contact', '{"contactId":"b"}', '7'],
      ], `chunk size ${size}`);
      assert.equal(p.retry, 5000);
    }
  });
});

describe('retry back-off', () => {
  it('doubles from the base up to the cap, with ±10 % jitter', () => {
    const policy = { baseMs: 30_000, maxMs: 240_000 };
    assert.deepEqual([1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, policy, () => 0.5)), [30_000, 60_000, 120_000, 240_000, 240_000, 240_000]);
    assert.equal(backoffDelay(1, policy, () => 0), 27_000);
    assert.equal(backoffDelay(1, policy, () => 1), 33_000);
  });
  it('waits at least 30 s by default', () => {
    assert.equal(DEFAULT_POLICY.baseMs, 30_000);
  });
});

describe('API helpers', () => {
  it('words errors for people', () => {
    assert.equal(friendlyMessage(401, 'unauthorized', 'Token revoked'), 'Your access was revoked, pair again.');
    assert.equal(friendlyMessage(422, 'not_a_profile', 'login wall'), 'This page is not a LinkedIn profile.');
    assert.equal(friendlyMessage(422, 'not_a_company', 'sign-in wall'), 'This page is not a LinkedIn company page.');
    assert.match(friendlyMessage(0, 'network', null, 'http://x:8080'), /Can't reach the Seguito server at http:\/\/x:8080/);
  });
  it('normalises the server address', () => {
    assert.equal(normaliseServerUrl(' localhost:8080/ '), 'http://localhost:8080');
    assert.equal(normaliseServerUrl('https://crm.example.com/seguito/'), 'https://crm.example.com/seguito');
    assert.throws(() => normaliseServerUrl('ftp://x'));
  });
  it('sends a capture as the page itself, its details (and when it was sent) in the query and the key in a header', () => {
    const sent = captureRequest({
      source: 'gmail_thread', pageUrl: 'https://mail.google.com/mail/u/0/#inbox/abc', html: '<main>Ciao</main>',
      capturedAt: '2026-12-01T09:00:00.000Z', idempotencyKey: 'key-1', ownEmails: ['me@example.com', 'alias@example.com'],
    }, new Date('2026-12-03T10:30:00.000Z'));
    assert.equal(sent.text, '<main>Ciao</main>');
    assert.equal(sent.contentType, 'text/html; charset=utf-8');
    assert.equal(sent.headers['Idempotency-Key'], 'key-1');
    assert.deepEqual(sent.query, {
      source: 'gmail_thread', pageUrl: 'https://mail.google.com/mail/u/0/#inbox/abc', capturedAt: '2026-12-01T09:00:00.000Z',
      sentAt: '2026-12-03T10:30:00.000Z', ownEmail: ['me@example.com', 'alias@example.com'],
    });
    assert.equal(sent.gzip, 'auto');
  });
  it('gzips bodies that the server can inflate', async () => {
    const text = JSON.stringify({ html: '<main>'.padEnd(100_000, 'x') });
    const gz = await gzipText(text);
    assert.ok(gz.length < text.length / 10);
    assert.equal(zlib.gunzipSync(gz).toString(), text);
  });
});

describe('relative days', () => {
  const now = new Date(2026, 11, 1, 15, 0);
  const day = (offset) => new Date(2026, 11, 1 + offset, 9, 30).toISOString();
  it('counts days for the next two weeks and says today, tomorrow and yesterday', () => {
    assert.equal(relDay(day(0), now), 'today');
    assert.equal(relDay(day(1), now), 'tomorrow');
    assert.equal(relDay(day(-1), now), 'yesterday');
    assert.equal(relDay(day(3), now), 'in 3 days');
    assert.equal(relDay(day(-13), now), '13 days ago');
  });
  it('rounds longer spans to weeks, months and years instead of counting 365 days', () => {
    assert.equal(relDay(day(-14), now), '2 weeks ago');
    assert.equal(relDay(day(21), now), 'in 3 weeks');
    assert.equal(relDay(day(-90), now), '3 months ago');
    assert.equal(relDay(day(-365), now), 'over a year ago');
    assert.equal(relDay(day(-800), now), '2 years ago');
  });
  it('gives nothing for a date it cannot read', () => {
    assert.equal(relDay('not a date', now), '');
  });
});

describe('the tag field', () => {
  it('splits at commas, trims and drops empty tags', () => {
    assert.deepEqual(tagList(' trade fair 2026 ,, warm intro, '), ['trade fair 2026', 'warm intro']);
  });
  it('keeps a comma inside double quotes, and a doubled quote as one', () => {
    assert.deepEqual(tagList('"Milan, Italy", golf, "say ""hi"""'), ['Milan, Italy', 'golf', 'say "hi"']);
  });
  it('writes tags so that reading them back gives the same tags', () => {
    const tags = ['Milan, Italy', 'golf', 'say "hi"', '<b>warm</b> intro'];
    assert.equal(tagText(tags), '"Milan, Italy", golf, "say ""hi""", <b>warm</b> intro');
    assert.deepEqual(tagList(tagText(tags)), tags);
    assert.equal(tagText(undefined), '');
  });
  it('takes a quote inside a word as part of the tag', () => {
    assert.deepEqual(tagList('6" pipes, rock\'n\'roll'), ['6" pipes', "rock'n'roll"]);
  });
});

/**
 * The LinkedIn content script as the browser runs it (a classic script, not a module), on a page at `href`: the
 * adapter it registers with content/common.js, and a document whose only h1s are those given.
 */
function linkedinOn(href, h1s = {}) {
  const src = fs.readFileSync(path.join(root, 'content/linkedin.js'), 'utf8');
  let adapter = null;
  const main = { outerHTML: '<main>page</main>' };
  const document = {
    title: 'LinkedIn',
    querySelector: (sel) => (sel === 'main' ? main : h1s[sel] ? { textContent: h1s[sel] } : null),
  };
  const context = { location: new URL(href), document, URL, __seguitoRegister: (a) => { adapter = a; } };
  context.globalThis = context;
  vm.runInNewContext(src, context);
  return adapter;
}

describe('LinkedIn page addresses', () => {
  const canonical = (href) => linkedinOn(href).canonical();
  it('gives a company page, and any of its sub-pages, one canonical address', () => {
    for (const href of [
      'https://www.linkedin.com/company/lumen-robotics/',
      'https://www.linkedin.com/company/lumen-robotics',
      'https://www.linkedin.com/company/lumen-robotics/about/',
      'https://www.linkedin.com/company/lumen-robotics/people/?keywords=sales',
      'https://www.linkedin.com/company/Lumen-Robotics/About/',
      'https://www.linkedin.com/COMPANY/LUMEN-ROBOTICS/',
      'https://www.linkedin.com/company/lumen-robotics/?trk=public_profile_topcard&originalSubdomain=it',
      'https://www.linkedin.com/company/lumen-robotics#about',
      'https://www.linkedin.com/company/lumen%2Drobotics/jobs/',
    ]) {
      assert.deepEqual({ ...canonical(href) }, { kind: 'linkedin_company', url: 'https://www.linkedin.com/company/lumen-robotics/' }, href);
    }
  });
  it('keeps a numeric company id as its slug', () => {
    assert.equal(canonical('https://www.linkedin.com/company/123456/').url, 'https://www.linkedin.com/company/123456/');
    assert.equal(canonical('https://www.linkedin.com/company/123456/life/?viewAsMember=true').url, 'https://www.linkedin.com/company/123456/');
  });
  it('keeps profiles as they were: lower case, no sub-page, no query', () => {
    assert.deepEqual({ ...canonical('https://www.linkedin.com/in/Giulia-Fontana/overlay/contact-info/?trk=x') },
      { kind: 'linkedin_profile', url: 'https://www.linkedin.com/in/giulia-fontana/' });
    assert.equal(canonical('https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez').url, 'https://www.linkedin.com/in/jos%C3%A9-p%C3%A9rez/');
  });
  it('is neither for other LinkedIn pages, a /company/ path without a name, or a company path further down', () => {
    for (const href of ['https://www.linkedin.com/feed/', 'https://www.linkedin.com/company/', 'https://www.linkedin.com/company',
      'https://www.linkedin.com/search/results/companies/?keywords=lumen', 'https://www.linkedin.com/school/polito/',
      'https://www.linkedin.com/jobs/company/lumen-robotics/']) {
      assert.equal(canonical(href), null, href);
    }
  });
  it('names a company page after its top card, and captures it as linkedin_company under the canonical address', () => {
    const href = 'https://www.linkedin.com/company/Lumen-Robotics/about/?trk=nav';
    const li = linkedinOn(href, { 'main h1.org-top-card-summary__title': ' Lumen Robotics ', 'main h1': 'Overview' });
    assert.deepEqual({ ...li.identify() }, {
      kind: 'linkedin_company', linkedinUrl: 'https://www.linkedin.com/company/lumen-robotics/', name: 'Lumen Robotics', pageUrl: href,
    });
    const helpers = { metaNodes: () => [], wrapDocument: (head, body) => `<html>${body.map((n) => n.outerHTML).join('')}</html>` };
    assert.deepEqual({ ...li.extract(helpers) }, {
      source: 'linkedin_company', pageUrl: 'https://www.linkedin.com/company/lumen-robotics/', html: '<html><main>page</main></html>',
    });
  });
  it('answers "not a profile or company page" elsewhere and captures nothing there', () => {
    const li = linkedinOn('https://www.linkedin.com/feed/');
    assert.equal(li.identify().kind, 'none');
    assert.equal(li.identify().reason, 'not_a_profile');
    assert.equal(li.extract({}).message, 'This page is not a LinkedIn profile or company page.');
  });
});

/** Runs `fn` with the process in time zone `tz` (node reads TZ again when it changes). */
function inZone(tz, fn) {
  const before = process.env.TZ;
  process.env.TZ = tz;
  try { return fn(); } finally { if (before === undefined) delete process.env.TZ; else process.env.TZ = before; }
}

describe('a contact added by hand: the request body', () => {
  const typed = {
    fullName: '  Giulia Bianchi ', email: ' giulia@fabbrica-nord.it', phone: '', region: ' it ', company: 'Fabbrica Nord S.r.l.',
    title: '   ', linkedinUrl: '', tags: ' Web Summit 2026,, "Milan, Italy" ,', relationshipType: 'prospect',
    met: true, metAt: '2026-12-07T10:30', where: '  Web Summit, Lisbon ',
  };
  it('trims, leaves out empty fields, splits the tags and sends the meeting with the browser\'s offset', () => {
    const body = inZone('Europe/Lisbon', () => contactBody(typed, 'key-1'));
    assert.deepEqual(body, {
      fullName: 'Giulia Bianchi', email: 'giulia@fabbrica-nord.it', region: 'IT', company: 'Fabbrica Nord S.r.l.',
      relationshipType: 'prospect', tags: ['Web Summit 2026', 'Milan, Italy'],
      met: { at: '2026-12-07T10:30:00+00:00', where: 'Web Summit, Lisbon' }, idempotencyKey: 'key-1',
    });
    assert.equal(inZone('Europe/Rome', () => contactBody(typed, 'k')).met.at, '2026-12-07T10:30:00+01:00');
  });
  it('sends only the name and the key when nothing else is typed, and no meeting unless "we met" is ticked', () => {
    const body = contactBody({ fullName: 'Ana Sousa', email: '', tags: '', relationshipType: '', met: false, metAt: '2026-12-07T10:30', where: 'Porto' }, 'k2');
    assert.deepEqual(body, { fullName: 'Ana Sousa', idempotencyKey: 'k2' });
  });
  it('takes "now" for a meeting whose time was cleared, and leaves out an empty place', () => {
    const now = new Date('2026-07-01T08:15:00Z');
    const body = inZone('Europe/Rome', () => contactBody({ fullName: 'Ana', met: true, metAt: '', where: ' ' }, 'k3', now));
    assert.deepEqual(body.met, { at: '2026-07-01T10:15:00+02:00' }, 'summer time in Rome');
    assert.equal(new Date(body.met.at).getTime(), now.getTime(), 'the same instant');
  });
  it('writes offsets east and west of Greenwich, half hours included, and reads the datetime-local value back', () => {
    inZone('Asia/Kolkata', () => assert.equal(withOffset(new Date('2026-12-07T05:00:00Z')), '2026-12-07T10:30:00+05:30'));
    inZone('America/New_York', () => {
      assert.equal(withOffset(new Date('2026-12-07T15:30:00Z')), '2026-12-07T10:30:00-05:00');
      const d = fromLocalInput('2026-12-07T10:30');
      assert.equal(d.toISOString(), '2026-12-07T15:30:00.000Z');
      assert.equal(localInputValue(d), '2026-12-07T10:30');
    });
    assert.equal(fromLocalInput(''), null);
    assert.equal(fromLocalInput('not a date'), null);
  });
  it('says one line per answer', () => {
    assert.equal(ENTRY_STATUS.new, 'Added to your team\'s contacts');
    assert.equal(ENTRY_STATUS.updated, ENTRY_STATUS.matched);
    assert.match(ENTRY_STATUS.possible_duplicate, /^Possible duplicate/);
  });
  it('shows the server\'s own words for a refusal and says that what was typed is kept after a failure', () => {
    assert.equal(entryErrorText(new ApiError(400, 'bad_request', 'The server answered 400.', { serverMessage: 'Add the country.' })), 'Add the country.');
    assert.match(entryErrorText(new ApiError(0, 'network', friendlyMessage(0, 'network', null, 'http://x'))), /^Can't reach .* What you typed is kept/);
    assert.match(entryErrorText(new ApiError(503, 'http_503', 'x')), /problem \(503\)\. What you typed is kept/);
    assert.match(entryErrorText(new ApiError(409, 'conflict', 'x')), /sent before with other details/);
  });
});

describe('an idempotency key per form submit', () => {
  const counter = () => { let n = 0; return () => `key-${++n}`; };
  const offline = () => { throw new ApiError(0, 'network', 'unreachable'); };
  it('is the same on a retry after a failure, and a new one once the server took it', async () => {
    const key = new SubmitKey(counter());
    const sent = [];
    await assert.rejects(key.send((k) => { sent.push(k); offline(); }), { code: 'network' });
    await assert.rejects(key.send((k) => { sent.push(k); throw new ApiError(502, 'http_502', 'bad gateway'); }));
    await assert.rejects(key.send((k) => { sent.push(k); throw new ApiError(400, 'bad_request', 'fix it'); }));
    assert.equal(await key.send((k) => { sent.push(k); return 'ok'; }), 'ok');
    await key.send((k) => { sent.push(k); });
    assert.deepEqual(sent, ['key-1', 'key-1', 'key-1', 'key-1', 'key-2']);
  });
  it('is renewed after a 409 (used for other content) or a 410 (what it added was erased)', async () => {
    const key = new SubmitKey(counter());
    const sent = [];
    await assert.rejects(key.send((k) => { sent.push(k); throw new ApiError(409, 'conflict', 'x'); }));
    await assert.rejects(key.send((k) => { sent.push(k); throw new ApiError(410, 'gone', 'x'); }));
    await key.send((k) => { sent.push(k); });
    assert.deepEqual(sent, ['key-1', 'key-2', 'key-3']);
  });
  it('is a random UUID by default', () => {
    assert.match(new SubmitKey().value, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the API calls of the form and of "log a touch"', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => { globalThis.fetch = realFetch; });
  /** fetch answering from `answers` in turn (a function throws, as a dropped connection does); records each request. */
  function fakeServer(answers) {
    const requests = [];
    globalThis.fetch = async (url, init) => {
      requests.push({ url: String(url), method: init.method, headers: init.headers, body: JSON.parse(init.body) });
      const a = answers.shift();
      if (typeof a === 'function') return a();
      return new Response(JSON.stringify(a.body), { status: a.status, headers: { 'Content-Type': 'application/json' } });
    };
    return requests;
  }
  const paired = () => setLocal({ config: { serverUrl: 'http://seguito.test', token: 'tok' } });

  it('posts a contact as JSON with its key in the body, not in a header', async () => {
    await paired();
    const requests = fakeServer([{ status: 201, body: { status: 'new', contact: { id: 'c1' }, meeting: null, replayed: false } }]);
    const answer = await api.addContact(contactBody({ fullName: 'Ana Sousa' }, 'k1'));
    assert.equal(answer.contact.id, 'c1');
    assert.equal(requests[0].url, 'http://seguito.test/api/v1/contacts');
    assert.equal(requests[0].method, 'POST');
    assert.equal(requests[0].headers.Authorization, 'Bearer tok');
    assert.equal(requests[0].headers['Idempotency-Key'], undefined);
    assert.deepEqual(requests[0].body, { fullName: 'Ana Sousa', idempotencyKey: 'k1' });
  });
  it('gives a 400\'s own message to the form', async () => {
    await paired();
    fakeServer([{ status: 400, body: { error: 'bad_request', message: 'A national number needs its country.' } }]);
    const err = await api.addContact({ fullName: 'x', phone: '12345', idempotencyKey: 'k' }).catch((e) => e);
    assert.equal(err.status, 400);
    assert.equal(entryErrorText(err), 'A national number needs its country.');
  });
  it('sends a retried touch with the same key, and the next touch with a new one', async () => {
    await paired();
    const requests = fakeServer([
      () => { throw new TypeError('Failed to fetch'); },
      { status: 200, body: { id: 'i1', type: 'call' } },
      { status: 201, body: { id: 'i2', type: 'note' } },
    ]);
    const key = new SubmitKey();
    const call = { type: 'call', direction: 'outbound', occurredAt: '2026-12-07T09:30:00.000Z', note: null };
    await assert.rejects(key.send((k) => api.logInteraction('c1', call, k)), { code: 'network' });
    assert.equal((await key.send((k) => api.logInteraction('c1', call, k))).id, 'i1');
    await key.send((k) => api.logInteraction('c1', { ...call, type: 'note' }, k));
    assert.equal(requests[0].url, 'http://seguito.test/api/v1/contacts/c1/interactions');
    assert.deepEqual(requests[0].body, { ...call, idempotencyKey: requests[0].body.idempotencyKey });
    assert.equal(requests[1].body.idempotencyKey, requests[0].body.idempotencyKey, 'the retry carries the same key');
    assert.notEqual(requests[2].body.idempotencyKey, requests[0].body.idempotencyKey, 'a new touch, a new key');
  });
});
