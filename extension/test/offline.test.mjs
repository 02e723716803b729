// Offline queue: a capture made while the server is down is kept (also across a browser restart), retried with
// back-off under the same idempotency key, and delivered exactly once when the server is back; a company page too.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  skipReason, startServer, startFixtureSite, launchBrowser, pairViaOptions, api, apiCall, screenshot,
  until, freePort, tempDir,
} from './helpers/harness.mjs';

const skip = skipReason();
const URL_TOMAS = 'https://www.linkedin.com/in/tomas-berg/';
const URL_LUMEN = 'https://www.linkedin.com/company/lumen-robotics/';

describe('offline capture queue', { skip: skip ?? false, timeout: 15 * 60_000 }, () => {
  let site; let server; let browser; let home; let port; let token; const profileDir = tempDir('seguito-profile-');

  before(async () => {
    site = await startFixtureSite();
    home = tempDir('seguito-home-');
    port = await freePort();
    server = await startServer({ home, port });
    browser = await launchBrowser({ sitePort: site.port, userDataDir: profileDir });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await site?.close().catch(() => {});
  });

  it('keeps a capture made while the server is down and delivers it exactly once when it is back', async () => {
    const options = await pairViaOptions(browser, server.url, server.adminPairingCode());
    await until(async () => /Paired as/.test(await options.locator('#status').textContent()), { what: 'pairing' });
    token = (await browser.storage('config')).token;
    await options.close();
    // Tests shorten the production back-off (30 s doubling) to 1 s doubling up to 3 s.
    await browser.setStorage({ retryPolicy: { baseMs: 1000, maxMs: 3000 } });

    await server.stop();

    const { tabId } = await browser.openSite(URL_TOMAS);
    let panel = await browser.openPanel(tabId);
    await panel.locator('[data-testid="unknown"]').waitFor({ timeout: 20_000 });
    assert.match(await panel.locator('[data-testid="error"]').textContent(), /Can't reach the Seguito server/);
    await panel.click('[data-testid="capture"]');
    await panel.locator('[data-testid="queue-item"][data-status="pending"]').waitFor({ timeout: 20_000 });
    await panel.locator('[data-testid="page-pending"]').waitFor();
    const [item] = await browser.storage('queue');
    assert.equal(item.status, 'pending');
    assert.match(item.id, /^[0-9a-f-]{36}$/);
    // retried by the alarm while down, with the same key
    await until(async () => ((await browser.storage('queue'))[0]?.attempts ?? 0) >= 3, { what: 'three attempts', timeout: 30_000 });
    assert.equal((await browser.storage('queue'))[0].id, item.id);
    await screenshot(panel, 'sidepanel-pending');

    // Browser restart: nothing lost.
    await browser.close();
    browser = await launchBrowser({ sitePort: site.port, userDataDir: profileDir });
    const queueAfterRestart = await browser.storage('queue');
    assert.equal(queueAfterRestart.length, 1);
    assert.equal(queueAfterRestart[0].id, item.id);
    const reopened = await browser.openSite(URL_TOMAS);
    panel = await browser.openPanel(reopened.tabId);
    await panel.locator(`[data-testid="queue-item"][data-id="${item.id}"]`).waitFor({ timeout: 20_000 });

    server = await startServer({ home, port });
    await until(async () => (await browser.storage('queue')).length === 0, { what: 'queue drained', timeout: 60_000 });
    const [delivered] = await browser.storage('delivered');
    assert.equal(delivered.id, item.id, 'delivered under the original idempotency key');
    assert.equal(delivered.httpStatus, 201, 'first time the server saw it');
    await until(async () => (await panel.locator('[data-testid="card-name"]').textContent().catch(() => '')) === 'Tomas Berg',
      { what: 'card after delivery', timeout: 30_000 });

    // Exactly once, checked through the API.
    const found = await api(server, token, 'GET', '/api/v1/contacts?q=Tomas');
    assert.equal(found.total, 1, 'one contact');
    const card = await api(server, token, 'GET', `/api/v1/contacts/${found.items[0].id}`);
    assert.equal(card.sources.filter((s) => s.source === 'linkedin_profile').length, 1, 'one capture');
    // The same key again is answered from the stored result and adds nothing.
    const again = await apiCall(server, token, 'POST', '/api/v1/captures', {
      source: 'linkedin_profile', pageUrl: URL_TOMAS, html: '<main></main>', mime: null, capturedAt: item.capturedAt, idempotencyKey: item.id,
    });
    assert.ok([200, 409].includes(again.status), `replayed key answered ${again.status}`);
    const after = await api(server, token, 'GET', `/api/v1/contacts/${found.items[0].id}`);
    assert.equal(after.sources.length, card.sources.length);
    // The panel's event stream reconnects by itself (back-off 1 s doubling to 30 s).
    await until(async () => (await panel.locator('#live').getAttribute('data-state')) === 'open', { what: 'event stream back', timeout: 60_000 });
    await screenshot(panel, 'sidepanel-delivered');
  });

  it('keeps a company page captured while the server is down, and shows the company once it is delivered', async () => {
    await server.stop();
    const { tabId } = await browser.openSite(URL_LUMEN);
    const panel = await browser.openPanel(tabId);
    await panel.locator('[data-testid="company-unknown"]').waitFor({ timeout: 20_000 });
    assert.match(await panel.locator('[data-testid="error"]').textContent(), /Can't reach the Seguito server/);
    await panel.click('[data-testid="capture"]');
    await panel.locator('[data-testid="page-pending"]').waitFor({ timeout: 20_000 });
    const [item] = await browser.storage('queue');
    assert.deepEqual([item.status, item.source, item.pageUrl], ['pending', 'linkedin_company', URL_LUMEN]);

    server = await startServer({ home, port });
    await until(async () => (await browser.storage('queue')).length === 0, { what: 'queue drained', timeout: 60_000 });
    const [delivered] = await browser.storage('delivered');
    assert.deepEqual([delivered.id, delivered.httpStatus, delivered.status], [item.id, 201, 'company']);
    await until(async () => (await panel.locator('[data-testid="company-industry"]').textContent().catch(() => '')) === 'Automation Machinery Manufacturing',
      { what: 'company card after delivery', timeout: 30_000 });
    const company = await api(server, token, 'GET', `/api/v1/companies/lookup?linkedinUrl=${encodeURIComponent(URL_LUMEN)}`);
    assert.deepEqual([company.name, company.industry, company.companySize], ['Lumen Robotics', 'Automation Machinery Manufacturing', '51-200']);
  });
});
