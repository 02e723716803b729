// A capture queued in Firefox while the server is down survives a browser restart and is sent once at start-up.
// A temporary add-on (how firefox.test.mjs installs the extension) is removed when Firefox quits, so this file installs
// the packed .xpi permanently into a profile it keeps, as a user installing it from a file does, and starts Firefox a
// second time on that profile.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { skipReason, startServer, startFixtureSite, api, freePort, tempDir, until } from './helpers/harness.mjs';
import { FIREFOX, launchFirefox } from './helpers/firefox.mjs';

const skip = skipReason() ?? (fs.existsSync(FIREFOX) ? null : `no Firefox at ${FIREFOX}`);
const URL_TOMAS = 'https://www.linkedin.com/in/tomas-berg/';

describe('offline capture queue across a Firefox restart', { skip: skip ?? false, timeout: 10 * 60_000 }, () => {
  let site; let server; let ff; let home; let port; const profile = tempDir('seguito-firefox-kept-');

  before(async () => {
    site = await startFixtureSite();
    home = tempDir('seguito-home-ff-restart-');
    port = await freePort();
    server = await startServer({ home, port });
    ff = await launchFirefox({ sitePort: site.port, profile });
  });

  after(async () => {
    await ff?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await site?.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }, { timeout: 60_000 });

  it('keeps a capture queued while the server is down across a restart and sends it once when Firefox starts', async () => {
    const options = await ff.extensionTab('options.html');
    await options.fill('#server-url', server.url);
    await options.fill('#pairing-code', server.adminPairingCode());
    await options.click('#pair');
    await options.waitText('#status', (t) => /Paired as/.test(t), 'pairing');
    const storage = (key) => options.run('async (k) => JSON.stringify((await browser.storage.local.get(JSON.parse(k)))[JSON.parse(k)] ?? null)', key);
    const token = (await storage('config')).token;
    await server.stop();

    const page = await ff.open(URL_TOMAS);
    const tabId = await options.run('async () => JSON.stringify(Math.max(...(await browser.tabs.query({})).map((t) => t.id)))');
    await options.run('async (p) => { await browser.tabs.create({ url: JSON.parse(p) }); return "null"; }', `sidepanel.html?tabId=${tabId}`);
    const panel = await ff.extensionTab(`sidepanel.html?tabId=${tabId}`);
    await panel.waitText('[data-testid="error"]', (t) => /Can't reach the Seguito server/.test(t), 'server unreachable');
    await panel.click('[data-testid="capture"]');
    await panel.waitText('[data-testid="queue-item"][data-status="pending"]', () => true, 'pending capture');
    const [item] = await storage('queue');
    assert.equal(item.status, 'pending');
    await Promise.all([panel.close(), page.close()]);

    // Firefox quits with the capture still queued; the server comes back while it is closed.
    await ff.close();
    server = await startServer({ home, port });
    assert.equal((await api(server, token, 'GET', '/api/v1/contacts?q=Tomas')).total, 0, 'nothing sent before the restart');

    ff = await launchFirefox({ sitePort: site.port, profile });
    // No page of the extension is open after a restart: its background sends the queue at start-up by itself.
    await until(async () => (await api(server, token, 'GET', '/api/v1/contacts?q=Tomas')).total === 1,
      { what: 'the queued capture delivered after the restart', timeout: 60_000 });
    const found = await api(server, token, 'GET', '/api/v1/contacts?q=Tomas');
    const card = await api(server, token, 'GET', `/api/v1/contacts/${found.items[0].id}`);
    assert.equal(card.displayName, 'Tomas Berg');
    assert.equal(card.sources.filter((s) => s.source === 'linkedin_profile').length, 1, 'sent once');
  });
});
