// The server's team admin page (/admin/) in a real Chromium against the real server: sign-in with the admin pairing
// code, adding a member, the team settings, and the audit log that shows them. No extension involved; it shares the browser harness.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { skipReason, startServer, freePort, tempDir, until, screenshot, CHROMIUM } from './helpers/harness.mjs';

const skip = skipReason();

describe('the team admin page in Chromium against the real server', { skip: skip ?? false, timeout: 5 * 60_000 }, () => {
  let server; let browser; let page;

  before(async () => {
    server = await startServer({ home: tempDir('seguito-home-admin-'), port: await freePort() });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
    page.on('pageerror', (e) => console.error('[admin page error]', e.message));
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  });

  it('refuses a wrong code with the server\'s reason', async () => {
    await page.goto(`${server.url}/admin/`);
    await page.fill('#credential', 'ZZZZ-ZZZZ');
    await page.click('#sign-in-form button[type="submit"]');
    await until(async () => (await page.textContent('#sign-in-error')).length > 0, { what: 'sign-in error' });
    assert.equal(await page.isVisible('#console'), false);
  });

  it('signs in with the admin pairing code, adds a member, and the audit log shows who did it', async () => {
    await page.fill('#credential', server.adminPairingCode());
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator('#console').waitFor({ state: 'visible', timeout: 30_000 });
    const admin = (await page.textContent('#who')).split(' · ')[0];
    // the console shows at once and fills its tables as their answers arrive
    await until(async () => (await page.locator('#members tbody tr').count()) === 1, { what: 'the admin listed' });

    await page.fill('#add-member input[name="name"]', 'Bea Neri');
    await page.fill('#add-member input[name="email"]', 'bea@seguito-sales.example');
    await page.click('#add-member button[type="submit"]');
    await until(async () => /^Pairing code for Bea Neri: \S+/.test(await page.textContent('#pairing-code')), { what: 'pairing code' });
    await until(async () => (await page.locator('#members tbody tr').count()) === 2, { what: 'two members' });

    const first = page.locator('#audit tbody tr').first();
    await until(async () => (await first.count()) && (await first.locator('td').nth(2).textContent()) === 'Added a member', { what: 'audit entry' });
    assert.equal(await first.locator('td').nth(1).textContent(), admin);
    assert.match(await first.locator('td').nth(3).textContent(), /"memberId":"[0-9a-f-]{36}"/);
    assert.equal(await page.isVisible('#audit-older'), false, 'one page holds it all');
    await screenshot(page, 'admin-page');
  });

  it('keeps deleting contacts everywhere for admins when the setting says so, and logs the change', async () => {
    const select = page.locator('#settings select[name="contactErasure"]');
    await until(async () => (await select.inputValue()) === 'members', { what: 'the default setting shown' });
    await select.selectOption('admins');
    await page.click('#settings button[type="submit"]');
    await until(async () => /only team admins/.test(await page.textContent('#settings-result')), { what: 'settings saved' });
    const first = page.locator('#audit tbody tr').first();
    await until(async () => (await first.locator('td').nth(2).textContent()) === 'Changed the team settings', { what: 'audit entry' });
    assert.match(await first.locator('td').nth(3).textContent(), /"contactErasure":"admins"/);

    await page.reload();
    await until(async () => (await page.locator('#settings select[name="contactErasure"]').inputValue()) === 'admins',
      { what: 'the saved setting read back' });
  });

  it('narrows the agenda to one tag, and says why a tag of punctuation only is refused', async () => {
    const tag = page.locator('#agenda-tag');
    const asked = [];
    page.on('request', (r) => { if (r.url().includes('/api/v1/agenda')) asked.push(new URL(r.url()).searchParams.get('tag')); });
    await tag.fill('Trade fair 2026');
    await tag.dispatchEvent('change');
    await until(async () => asked.includes('Trade fair 2026'), { what: 'the agenda asked for the tag' });
    const before = asked.length;
    await page.click('button.agenda[data-range="week"]');
    await until(async () => asked.length > before && asked.at(-1) === 'Trade fair 2026', { what: 'the range keeps the tag' });

    await tag.fill('++');
    await tag.dispatchEvent('change');
    await until(async () => /letter or a digit/.test(await tag.evaluate((el) => el.validationMessage)), { what: 'the refusal shown' });
    await tag.fill('');
    await tag.dispatchEvent('change');
    await until(async () => (await tag.evaluate((el) => el.validationMessage)) === '', { what: 'the refusal gone' });
  });
});
