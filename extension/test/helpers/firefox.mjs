// Firefox (Debian's firefox-esr) with the unpacked extension, driven over WebDriver BiDi: Playwright's Firefox support
// needs its own patched build or a newer Firefox than the ESR, so this file speaks the W3C protocol itself (ws).
// The extension is installed as a temporary add-on (webExtension.install), as `web-ext run` would; LinkedIn and the
// webmail hosts reach the HTTPS fixture site through a local CONNECT proxy chosen by a PAC script.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import WebSocket from 'ws';
import { EXT_DIR, RESULTS, closer, tempDir, until } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = JSON.parse(fs.readFileSync(path.join(EXT_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
const EXT_UUID = '5e6a7c1e-0000-4000-8000-5e6a7c1e0001'; // fixed, so moz-extension:// URLs are known in advance
const SITE_HOSTS = ['www.linkedin.com', 'mail.google.com', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.com'];

/** A CONNECT proxy that tunnels every request to the fixture site, whatever host it names. */
async function startTunnel(sitePort) {
  const server = net.createServer((client) => {
    client.once('data', (head) => {
      if (!/^CONNECT /.test(head.toString('latin1'))) { client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n'); return; }
      const upstream = net.connect(sitePort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      // one side gone (Firefox killed, the site closed) takes the other with it, so that no tunnel outlives them
      upstream.once('close', () => client.destroy());
      client.once('close', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: closer(server) };
}

function userPrefs(tunnelPort, downloads) {
  const pac = `function FindProxyForURL(url, host) { return ${JSON.stringify(SITE_HOSTS)}.indexOf(host) >= 0 ? "PROXY 127.0.0.1:${tunnelPort}" : "DIRECT"; }`;
  const prefs = {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: EXT_UUID }),
    'network.proxy.type': 2,
    'network.proxy.autoconfig_url': `data:text/javascript,${encodeURIComponent(pac)}`,
    'network.proxy.allow_hijacking_localhost': false,
    'browser.shell.checkDefaultBrowser': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
    'browser.aboutwelcome.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    // lets the unpacked, unsigned extension be installed permanently for the restart test (honoured by ESR only)
    'xpinstall.signatures.required': false,
    // a download (the panel's vCard export) goes straight to a folder the test reads, without a dialog
    'browser.download.folderList': 2,
    'browser.download.dir': downloads,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.alwaysOpenPanel': false,
  };
  return Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n';
}

/** The extension packed as an .xpi by web-ext (the files `npm run lint` checks), in `dir`; answers its path. */
async function packedExtension(dir) {
  const { default: webExt } = await import('web-ext');
  const artifactsDir = path.join(dir, 'xpi');
  const { extensionPath } = await webExt.cmd.build({
    sourceDir: EXT_DIR, artifactsDir, overwriteDest: true, filename: 'seguito.xpi',
    ignoreFiles: ['node_modules/**', 'test/**', 'test-results/**', 'scripts/**', 'package.json', 'package-lock.json', 'README.md'],
  }, { shouldExitProgram: false });
  return extensionPath;
}

/** A WebDriver BiDi session: send(method, params) answers the result or throws the protocol's error. */
class Bidi {
  constructor(ws) {
    this.ws = ws;
    this.next = 1;
    this.pending = new Map();
    this.listeners = [];
    ws.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.type === 'error') reject(new Error(`${msg.error}: ${msg.message}`));
        else resolve(msg.result);
      } else if (msg.type === 'event') {
        for (const l of this.listeners) l(msg);
      }
    });
    // an answer that can no longer come (Firefox closed the session) must not leave its caller waiting forever
    ws.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('the BiDi session closed'));
      this.pending.clear();
    });
  }
  send(method, params = {}) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }
}

/**
 * Firefox with the extension installed; its pages are driven through `tab` objects (see below). With `profile`, that
 * profile folder is used and kept after close, and the extension is installed permanently (as a user installs it),
 * so that a second launch on the same profile is a browser restart with the extension and its storage still there.
 */
export async function launchFirefox({ sitePort, profile: keptProfile = null }) {
  const tunnel = await startTunnel(sitePort);
  const profile = keptProfile ?? tempDir('seguito-firefox-');
  const downloads = path.join(profile, 'downloads');
  // a permanent install lives in the profile: launching on it again is a restart with the extension already there
  const restarted = keptProfile !== null && fs.existsSync(path.join(profile, 'extensions', `${ADDON_ID}.xpi`));
  fs.mkdirSync(downloads, { recursive: true });
  fs.writeFileSync(path.join(profile, 'user.js'), userPrefs(tunnel.port, downloads));
  const child = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port=0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, MOZ_CRASHREPORTER_DISABLE: '1' } });
  let log = '';
  const endpoint = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Firefox did not start its BiDi server:\n${log}`)), 60_000);
    const onData = (d) => {
      log += d;
      const m = log.match(/WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Firefox exited (${code}):\n${log}`)); });
  });
  const ws = new WebSocket(`${endpoint}/session`);
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  const bidi = new Bidi(ws);
  await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: true } } });
  // Unsigned add-ons install permanently only where signatures can be turned off (ESR, Developer Edition: see the
  // prefs), and only packed: the kept profile gets the .xpi web-ext builds, as a user installing it from a file would.
  const install = async () => bidi.send('webExtension.install', keptProfile === null
    ? { extensionData: { type: 'path', path: EXT_DIR } }
    : { extensionData: { type: 'archivePath', path: await packedExtension(profile) }, 'moz:permanent': true });
  const installed = restarted ? { extension: ADDON_ID } : await install();

  const ff = {
    bidi, profile, downloads, addonId: installed.extension,
    extUrl: (p) => `moz-extension://${EXT_UUID}/${p}`,
    /** The tab of an extension page that is open already (extension pages are opened by the extension itself). */
    async extensionTab(page, timeout = 30_000) {
      let found = null;
      await until(async () => {
        const { contexts } = await bidi.send('browsingContext.getTree', {});
        found = contexts.find((c) => c.url.startsWith(ff.extUrl(page)));
        return !!found;
      }, { timeout, what: `extension page ${page}` });
      return tab(bidi, found.context);
    },
    /** A new tab on `url`. */
    async open(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return tab(bidi, context);
    },
    async close() {
      await Promise.race([bidi.send('browser.close').catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
      ws.close();
      await new Promise((r) => { if (child.exitCode !== null || child.signalCode !== null) r(); else { child.once('exit', r); setTimeout(() => { child.kill('SIGKILL'); r(); }, 10_000); } });
      await tunnel.close();
      if (keptProfile === null) fs.rmSync(profile, { recursive: true, force: true });
    },
  };
  return ff;
}

/** One tab: run a function in the page, wait for an element's text, click, fill, take a screenshot. */
function tab(bidi, context) {
  const t = {
    context,
    async navigate(url) { await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' }); },
    /** `fn` is a function source run in the page with `args` (JSON values); answers its JSON value. */
    async run(fn, ...args) {
      const r = await bidi.send('script.callFunction', {
        functionDeclaration: String(fn), awaitPromise: true, target: { context },
        arguments: args.map((a) => ({ type: 'string', value: JSON.stringify(a) })),
        resultOwnership: 'none',
      });
      if (r.type === 'exception') throw new Error(`in page: ${r.exceptionDetails.text}`);
      const v = r.result;
      return v.type === 'string' ? JSON.parse(v.value) : undefined;
    },
    /** The text of the first element matching `selector`, or null. */
    text(selector) {
      return t.run('(s) => JSON.stringify(document.querySelector(JSON.parse(s))?.textContent ?? null)', selector);
    },
    async waitText(selector, matches, what, timeout = 30_000) {
      let last = null;
      await until(async () => { last = await t.text(selector); return last !== null && matches(last); }, { timeout, what: `${what} (last: ${JSON.stringify(last)})` });
      return last;
    },
    click(selector) {
      return t.run('(s) => { const el = document.querySelector(JSON.parse(s)); if (!el) throw new Error("no " + JSON.parse(s)); el.click(); return "null"; }', selector);
    },
    /** Chooses `value` in a select, as a user would (the panel listens for change). */
    select(selector, value) {
      return t.run(`(s, v) => { const el = document.querySelector(JSON.parse(s)); el.value = JSON.parse(v);
        el.dispatchEvent(new Event('change', { bubbles: true })); return "null"; }`, selector, value);
    },
    /** How many elements match `selector`. */
    count(selector) {
      return t.run('(s) => JSON.stringify(document.querySelectorAll(JSON.parse(s)).length)', selector);
    },
    fill(selector, value) {
      return t.run(`(s, v) => { const el = document.querySelector(JSON.parse(s)); el.value = JSON.parse(v);
        el.dispatchEvent(new Event('input', { bubbles: true })); return "null"; }`, selector, value);
    },
    /** The size of a side panel, for pages shown as one. */
    async panelSize() {
      await bidi.send('browsingContext.setViewport', { context, viewport: { width: 420, height: 900 } });
    },
    async screenshot(name) {
      const { data } = await bidi.send('browsingContext.captureScreenshot', { context, origin: 'document' });
      fs.writeFileSync(path.join(RESULTS, `${name}.png`), Buffer.from(data, 'base64'));
    },
    close: () => bidi.send('browsingContext.close', { context }),
  };
  return t;
}
