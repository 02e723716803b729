// The extension against a server that answers HTTPS (SEGUITO_TLS_CERT/KEY), as a team's server reached across a
// network does: pairing, a capture and live updates work over TLS, the panel's requests go over HTTP/2, and so more
// than six panels open at once each get their look-up and their event stream (over HTTP/1.1 a browser keeps at most
// six connections to one server, and each open panel holds one for its stream).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, startServer, startFixtureSite, launchBrowser, pairViaOptions, api, until, freePort, tempDir } from './helpers/harness.mjs';

// the test server's certificate is self-signed; Chromium is started with --ignore-certificate-errors for the same reason
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
const skip = skipReason();
const PANELS = 8;

describe('Seguito extension in Chromium against a server on HTTPS', { skip: skip ?? false, timeout: 10 * 60_000 }, () => {
  let site; let server; let browser; let token;

  before(async () => {
    site = await startFixtureSite();
    server = await startServer({ home: tempDir('seguito-home-tls-'), port: await freePort(), tls: true });
    browser = await launchBrowser({ sitePort: site.port });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
    await site?.close().catch(() => {});
  });

  it('pairs with an https:// server and captures a profile', async () => {
    assert.match(server.url, /^https:/);
    const options = await pairViaOptions(browser, server.url, server.adminPairingCode());
    await until(async () => /Paired as/.test(await options.locator('#status').textContent()), { what: 'pairing' });
    token = (await browser.storage('config')).token;
    await options.close();

    const { tabId } = await browser.openSite('https://www.linkedin.com/in/giulia-fontana/');
    const panel = await browser.openPanel(tabId);
    await panel.locator('[data-testid="unknown"]').waitFor({ timeout: 20_000 });
    await panel.click('[data-testid="capture"]');
    await until(async () => (await panel.locator('[data-testid="card-name"]').textContent().catch(() => '')) === 'Giulia Fontana',
      { what: 'card of Giulia Fontana' });
    await until(async () => (await panel.locator('#live').getAttribute('data-state')) === 'open', { what: 'event stream open' });
  });

  it(`serves ${PANELS} panels open at once over HTTP/2, each with its card and its live stream`, async () => {
    const panels = [];
    const protocols = [];
    for (let i = 0; i < PANELS; i++) {
      const { tabId } = await browser.openSite('https://www.linkedin.com/in/giulia-fontana/');
      // the protocol of each answer, as Chromium's network log has it (a page cannot read it for another origin)
      const panel = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(panel);
      cdp.on('Network.responseReceived', ({ response }) => {
        if (response.url.startsWith(server.url)) protocols.push(response.protocol);
      });
      await cdp.send('Network.enable');
      await panel.goto(browser.extUrl(`sidepanel.html?tabId=${tabId}`));
      panels.push(panel);
    }
    for (const [i, panel] of panels.entries()) {
      await until(async () => (await panel.locator('[data-testid="card-name"]').textContent().catch(() => '')) === 'Giulia Fontana',
        { what: `card in panel ${i + 1}`, timeout: 20_000 });
      await until(async () => (await panel.locator('#live').getAttribute('data-state')) === 'open',
        { what: `event stream of panel ${i + 1}`, timeout: 20_000 });
    }
    // a colleague's touch reaches the last panel opened, live
    const giulia = await api(server, token, 'GET', '/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/giulia-fontana/');
    await api(server, token, 'POST', `/api/v1/contacts/${giulia.id}/interactions`,
      { type: 'call', direction: 'outbound', occurredAt: new Date().toISOString(), note: 'Call over TLS' });
    const last = panels[panels.length - 1];
    await until(async () => (await last.locator('[data-testid="timeline-item"][data-type="call"]').count()) > 0,
      { what: 'the call in the last panel', timeout: 20_000 });
    assert.ok(protocols.length >= PANELS, `the panels' answers were seen (${protocols.length})`);
    assert.deepEqual([...new Set(protocols)], ['h2'], 'every answer from the server came over HTTP/2');
  });
});
