// Test harness: the real Seguito server (java -jar), an HTTPS fixture server standing in for LinkedIn/Gmail/Outlook
// (the browser's host resolver maps those names to it), and Chromium with the unpacked extension.
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const EXT_DIR = path.resolve(here, '../..');
export const REPO_DIR = path.resolve(EXT_DIR, '..');
export const FIXTURES = path.resolve(here, '../fixtures');
export const RESULTS = path.join(EXT_DIR, 'test-results');
export const JAR = process.env.SEGUITO_SERVER_JAR ?? path.join(REPO_DIR, 'server/target/seguito-server.jar');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
fs.mkdirSync(RESULTS, { recursive: true });

/** Why the browser tests cannot run here, or null. */
export function skipReason() {
  if (!process.env.SEGUITO_TEST_SERVER_CMD && !fs.existsSync(JAR)) return `server jar missing (${JAR}); build it with mvn -f server/pom.xml package`;
  if (!fs.existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM}`;
  return null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

export function tempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

// ------------------------------------------------------------------------------------------ Seguito server

/**
 * Starts the real server on `port` with data in `home` (reuse both to restart the same server); `tls` gives it a
 * self-signed certificate for 127.0.0.1, so it answers HTTPS (HTTP/2) only.
 * SEGUITO_TEST_SERVER_CMD may name another command (e.g. a server started from an IDE build); default: java -jar JAR serve.
 */
export async function startServer({ home, port, tls = false, timeoutMs = 240_000 }) {
  const cmd = process.env.SEGUITO_TEST_SERVER_CMD
    ? ['bash', ['-c', process.env.SEGUITO_TEST_SERVER_CMD]]
    : ['java', ['-jar', JAR, 'serve']];
  const logFile = path.join(home, `server-${port}-${Date.now()}.log`);
  const log = fs.openSync(logFile, 'a');
  const child = spawn(cmd[0], cmd[1], {
    env: { ...process.env, SEGUITO_HTTP_PORT: String(port), SEGUITO_HOME: home, ...(tls ? serverCert(home) : {}) },
    stdio: ['ignore', log, log],
    detached: false,
  });
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)}); log: ${logFile}\n${tail(logFile)}`);
    try {
      const r = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2000) });
      if (r.status === 200) break;
    } catch { /* not yet */ }
    if (Date.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`server not healthy after ${timeoutMs} ms; log: ${logFile}\n${tail(logFile)}`);
    }
    await sleep(250);
  }
  const codeFile = path.join(home, 'admin-pairing-code.txt');
  return {
    url, port, home, logFile, child, startupMs: Date.now() - started,
    adminPairingCode: () => (fs.existsSync(codeFile) ? fs.readFileSync(codeFile, 'utf8').trim() : null),
    async stop() {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await done;
      clearTimeout(t);
      fs.closeSync(log);
    },
  };
}

function tail(file, n = 40) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch { return ''; }
}

/** A direct API call (no browser), as a colleague's client or an admin script would make. */
export async function apiCall(server, token, method, p, body) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(server.url + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = text; }
  return { status: res.status, data };
}

export async function api(server, token, method, p, body, expect = [200, 201, 204]) {
  const r = await apiCall(server, token, method, p, body);
  if (!expect.includes(r.status)) throw new Error(`${method} ${p} → ${r.status} ${JSON.stringify(r.data)}`);
  return r.data;
}

// ---------------------------------------------------------------------------------------- fixture sites

/** A certificate for the server itself on 127.0.0.1, as the environment variables that give it to the server. */
function serverCert(home) {
  const cert = path.join(home, 'tls-cert.pem');
  const key = path.join(home, 'tls-key.pem');
  if (!fs.existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-keyout', key, '-out', cert,
      '-subj', '/CN=seguito-test-server', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'], { stdio: 'ignore' });
  }
  return { SEGUITO_TLS_CERT: cert, SEGUITO_TLS_KEY: key };
}

let certCache = null;
function selfSignedCert() {
  if (certCache) return certCache;
  const dir = tempDir('seguito-cert-');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
    '-subj', '/CN=seguito-fixtures',
    '-addext', 'subjectAltName=DNS:www.linkedin.com,DNS:mail.google.com,DNS:outlook.office.com,DNS:outlook.live.com,DNS:outlook.office365.com'],
  { stdio: 'ignore' });
  certCache = { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) };
  return certCache;
}

/**
 * HTTPS server answering as www.linkedin.com (/in/<slug>/ → fixtures/linkedin/<slug>.html, /company/<slug>/… →
 * fixtures/linkedin/company-<slug>.html), Gmail and Outlook.
 */
export async function startFixtureSite() {
  const server = https.createServer(selfSignedCert(), (req, res) => {
    const host = String(req.headers.host ?? '').split(':')[0];
    const url = new URL(req.url, `https://${host}`);
    let file = null;
    if (host === 'www.linkedin.com') {
      const m = url.pathname.match(/^\/in\/([a-z0-9-]+)\/?$/);
      // a company page and its sub-pages (/about/, /people/) are one fixture, found by the slug in any case
      const company = url.pathname.match(/^\/company\/([a-z0-9-]+)(?:\/[a-z-]+)?\/?$/i);
      if (m) file = path.join(FIXTURES, 'linkedin', `${m[1]}.html`);
      else if (company) file = path.join(FIXTURES, 'linkedin', `company-${company[1].toLowerCase()}.html`);
      else if (url.pathname.startsWith('/feed')) file = path.join(FIXTURES, 'linkedin-feed.html');
    } else if (host === 'mail.google.com') {
      file = path.join(FIXTURES, 'gmail-thread.html');
    } else if (host.startsWith('outlook.')) {
      file = path.join(FIXTURES, 'outlook-thread.html');
    }
    if (file && fs.existsSync(file)) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(fs.readFileSync(file));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html><title>Page not found | LinkedIn</title><main><h1>This page doesn’t exist</h1></main>');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { port: server.address().port, close: closer(server) };
}

/**
 * A close for `server` that cannot hang: server.close() alone waits for every open connection, and a browser that
 * was killed, or a keep-alive socket nobody ends, would hold a test file open until its timeout.
 */
export function closer(server) {
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return () => new Promise((r) => {
    server.close(() => r());
    for (const socket of sockets) socket.destroy();
  });
}

// --------------------------------------------------------------------------------------------- browser

/** Chromium with the unpacked extension; `userDataDir` may be reused to simulate a browser restart. */
export async function launchBrowser({ sitePort, userDataDir = tempDir('seguito-profile-') }) {
  const hosts = ['www.linkedin.com', 'mail.google.com', 'outlook.office.com', 'outlook.live.com', 'outlook.office365.com'];
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1:${sitePort}`), 'EXCLUDE localhost'].join(', ');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true, // Chromium ≥ 132: this is the "new" headless mode, which runs extensions
    viewport: { width: 420, height: 900 },
    args: [
      `--disable-extensions-except=${EXT_DIR}`,
      `--load-extension=${EXT_DIR}`,
      `--host-resolver-rules=${rules}`,
      '--ignore-certificate-errors',
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
  let [worker] = context.serviceWorkers();
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 30_000 });
  const extensionId = new URL(worker.url()).host;
  const b = {
    context, userDataDir, extensionId,
    get worker() { return context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? worker; },
    extUrl: (p) => `chrome-extension://${extensionId}/${p}`,
    /** Run code in the extension's background (service worker). */
    async inWorker(fn, arg) {
      const w = context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${extensionId}/`))
        ?? await context.waitForEvent('serviceworker', { timeout: 30_000 });
      return w.evaluate(fn, arg);
    },
    storage: (key) => b.inWorker((k) => chrome.storage.local.get(k).then((r) => r[k]), key),
    setStorage: (values) => b.inWorker((v) => chrome.storage.local.set(v), values),
    /** A tab on a fixture page; its Chrome tab id (so the panel can be pinned to it). */
    async openSite(url) {
      const page = await context.newPage();
      await page.goto(url);
      const tabId = await b.tabIdOf();
      return { page, tabId };
    },
    /** The tab id of the page opened last (the extension has no "tabs" permission, so URLs are hidden from it). */
    async tabIdOf() {
      return b.inWorker(async () => Math.max(...(await chrome.tabs.query({})).map((t) => t.id)));
    },
    async openPanel(tabId) {
      const panel = await context.newPage();
      panel.on('pageerror', (e) => console.error('[panel error]', e.message));
      await panel.goto(b.extUrl(`sidepanel.html?tabId=${tabId}`));
      return panel;
    },
    close: () => context.close(),
  };
  return b;
}

export async function pairViaOptions(browser, serverUrl, code) {
  const page = await browser.context.newPage();
  const url = browser.extUrl('options.html');
  try {
    await page.goto(url);
  } catch (e) {
    // On install the extension opens its options page itself; when Chromium puts it in this fresh tab, our own
    // navigation to the same page is "interrupted". The page we wanted is loading either way.
    if (!/interrupted by another navigation/.test(e.message)) throw e;
    await page.waitForURL(url);
    await page.waitForLoadState('load');
  }
  await page.fill('#server-url', serverUrl);
  await page.fill('#pairing-code', code);
  await page.click('#pair');
  return page;
}

export async function screenshot(page, name) {
  const file = path.join(RESULTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function recordTimings(key, value) {
  const file = path.join(RESULTS, 'timings.json');
  let all = {};
  try { all = JSON.parse(fs.readFileSync(file, 'utf8')); } catch { /* first */ }
  all[key] = value;
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  return file;
}

/** Poll until fn() is truthy; answers its value. */
export async function until(fn, { timeout = 30_000, interval = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(interval);
  }
}
