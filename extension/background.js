// Background: owns the capture queue (so retries happen with no panel open) and opens the panel/sidebar.
import { ext } from './lib/browser.js';
import { CONFIG_KEY } from './lib/api.js';
import { ALARM, POLICY_KEY, enqueueCapture, processQueue, releaseHeld, discard, readQueue, schedule } from './lib/queue.js';

// Chromium: the toolbar button opens the side panel. Firefox: it toggles the sidebar.
if (ext.sidePanel?.setPanelBehavior) {
  ext.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
} else if (globalThis.browser?.sidebarAction) {
  ext.action?.onClicked.addListener(() => browser.sidebarAction.toggle());
}

ext.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === ALARM) processQueue();
});
ext.runtime.onStartup.addListener(() => processQueue({ force: true }));
ext.runtime.onInstalled.addListener((details) => {
  processQueue({ force: true });
  if (details.reason === 'install') ext.runtime.openOptionsPage().catch(() => {});
});

ext.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local') return;
  const cfg = changes[CONFIG_KEY];
  // A new token (pairing again) releases the captures that were held for authentication.
  if (cfg && cfg.newValue?.token && cfg.newValue.token !== cfg.oldValue?.token) releaseHeld();
  // A changed retry policy (tests shorten it) takes effect for the next alarm.
  if (changes[POLICY_KEY]) schedule();
});

const handlers = {
  'seguito:capture': (msg) => enqueueCapture(msg.capture),
  'seguito:flush': () => processQueue({ force: true }),
  'seguito:queue': async () => ({ items: await readQueue() }),
  'seguito:discard': async (msg) => { await discard(msg.id); return { ok: true }; },
};

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  const handler = handlers[msg?.type];
  // Only our own extension pages (panel, options) may ask; content scripts run on web pages and may not.
  if (!handler || sender.id !== ext.runtime.id || !String(sender.url ?? '').startsWith(ext.runtime.getURL(''))) return false;
  Promise.resolve(handler(msg)).then(
    (value) => sendResponse({ ok: true, value }),
    (e) => sendResponse({ ok: false, error: { message: String(e?.message ?? e) } }),
  );
  return true; // answer asynchronously
});
