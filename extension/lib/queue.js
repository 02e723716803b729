// Offline capture queue. Lives in the background (service worker / event page); state is in storage.local so
// nothing is lost when the browser or the worker restarts. Every retry re-sends the SAME idempotency key, so the
// server stores each capture exactly once even if an earlier attempt reached it and only the answer was lost.
import { ext, getLocal, setLocal, removeLocal } from './browser.js';
import { api, ApiError } from './api.js';

export const QUEUE_KEY = 'queue';           // [{id, source, pageUrl, capturedAt, identity, status, attempts, nextAttemptAt, lastError}]
export const BODY_PREFIX = 'capture-body:'; // capture-body:<id> → html (kept apart so the index stays small)
export const DELIVERED_KEY = 'delivered';   // newest first, last 25: {id, source, pageUrl, identity, httpStatus, status, contactId, companyId, deliveredAt}
export const POLICY_KEY = 'retryPolicy';    // {baseMs, maxMs}; production default 30 s doubling up to 30 min
export const ALARM = 'seguito-retry';
export const DEFAULT_POLICY = { baseMs: 30_000, maxMs: 30 * 60_000 };

export async function getPolicy() {
  const p = await getLocal(POLICY_KEY, {});
  const baseMs = Number(p.baseMs) > 0 ? Number(p.baseMs) : DEFAULT_POLICY.baseMs;
  const maxMs = Math.max(baseMs, Number(p.maxMs) > 0 ? Number(p.maxMs) : DEFAULT_POLICY.maxMs);
  return { baseMs, maxMs };
}

/** Exponential back-off with ±10 % jitter: base, 2·base, 4·base, … capped at max. */
export function backoffDelay(attempts, { baseMs, maxMs }, random = Math.random) {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(raw * (0.9 + 0.2 * random()));
}

export const readQueue = () => getLocal(QUEUE_KEY, []);
const writeQueue = (q) => setLocal({ [QUEUE_KEY]: q });

// All queue mutations run one after the other (several messages and an alarm may arrive together).
let chain = Promise.resolve();
function serial(fn) {
  const run = chain.then(fn, fn);
  chain = run.catch(() => {});
  return run;
}

async function updateItem(id, patch) {
  const q = await readQueue();
  const i = q.findIndex((x) => x.id === id);
  if (i < 0) return null;
  q[i] = { ...q[i], ...patch };
  await writeQueue(q);
  return q[i];
}

async function removeItem(id) {
  await writeQueue((await readQueue()).filter((x) => x.id !== id));
  await removeLocal(BODY_PREFIX + id);
}

function notify() {
  // Open panels listen; nobody listening is fine.
  Promise.resolve().then(() => ext.runtime.sendMessage({ type: 'seguito:queue-changed' })).catch(() => {});
}

/** Persist a capture first, then try to send it. Answers {state: delivered|pending|failed|auth, item, response?, error?}. */
export function enqueueCapture({ source, pageUrl, html, identity }) {
  return serial(async () => {
    const item = {
      id: crypto.randomUUID(), source, pageUrl, identity: identity ?? null,
      capturedAt: new Date().toISOString(), status: 'pending', attempts: 0, nextAttemptAt: Date.now(), lastError: null,
    };
    await setLocal({ [BODY_PREFIX + item.id]: html });
    await writeQueue([...(await readQueue()), item]);
    notify();
    return attempt(item);
  });
}

async function attempt(item) {
  const html = await getLocal(BODY_PREFIX + item.id);
  if (typeof html !== 'string') {
    await removeItem(item.id);
    return { state: 'failed', item, error: { message: 'The captured page was lost.' } };
  }
  const payload = { source: item.source, pageUrl: item.pageUrl, html, capturedAt: item.capturedAt, idempotencyKey: item.id };
  // The webmail account's own addresses: the server then never takes the user for a contact.
  const own = item.identity?.ownEmails;
  if (Array.isArray(own) && own.length) payload.ownEmails = own.slice(0, 10);
  try {
    const { status, data, gzipped } = await api.capture(payload);
    const delivered = {
      id: item.id, source: item.source, pageUrl: item.pageUrl, identity: item.identity, httpStatus: status,
      status: data?.status ?? null, contactId: data?.contact?.id ?? null, companyId: data?.company?.id ?? null, attempts: item.attempts + 1, gzipped,
      deliveredAt: new Date().toISOString(),
    };
    // Out of the queue and into the delivered list in one write: a reader (an open panel) never sees the capture
    // in neither, and a restart in between cannot drop it from both.
    await setLocal({
      [QUEUE_KEY]: (await readQueue()).filter((x) => x.id !== item.id),
      [DELIVERED_KEY]: [delivered, ...(await getLocal(DELIVERED_KEY, []))].slice(0, 25),
    });
    await removeLocal(BODY_PREFIX + item.id);
    notify();
    return { state: 'delivered', item: delivered, response: data };
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, 'network', String(e?.message ?? e));
    const attempts = item.attempts + 1;
    let patch;
    if (err.status === 401 || err.code === 'not_paired') {
      // Held, not dropped: it goes out again as soon as this browser is paired again (same idempotency key).
      patch = { status: 'auth', attempts, lastError: err.toJSON() };
    } else if (err.retryable) {
      const policy = await getPolicy();
      let delay = backoffDelay(attempts, policy);
      if (err.retryAfter) delay = Math.max(delay, err.retryAfter * 1000);
      patch = { status: 'pending', attempts, nextAttemptAt: Date.now() + delay, lastError: err.toJSON() };
    } else {
      // 4xx other than 408/429: the same request would fail again. Kept visible as failed, body dropped.
      patch = { status: 'failed', attempts, lastError: err.toJSON() };
      await removeLocal(BODY_PREFIX + item.id);
    }
    const updated = await updateItem(item.id, patch);
    await schedule();
    notify();
    return { state: patch.status, item: updated, error: err.toJSON() };
  }
}

/** Send every pending capture whose time has come (or all of them with force). */
export function processQueue({ force = false } = {}) {
  return serial(async () => {
    const now = Date.now();
    const due = (await readQueue()).filter((x) => x.status === 'pending' && (force || x.nextAttemptAt <= now));
    let delivered = 0;
    for (const item of due) {
      const r = await attempt(item);
      if (r.state === 'delivered') delivered++;
      else if (r.error?.code === 'network') break; // server still down: the rest wait for the next alarm
    }
    await schedule();
    return { tried: due.length, delivered };
  });
}

/** One alarm at the earliest retry time. chrome.alarms keeps it across worker and browser restarts. */
export async function schedule() {
  const pending = (await readQueue()).filter((x) => x.status === 'pending');
  if (!pending.length) { await ext.alarms.clear(ALARM); return null; }
  const when = Math.max(Date.now() + 500, Math.min(...pending.map((x) => x.nextAttemptAt)));
  await ext.alarms.create(ALARM, { when });
  return when;
}

/** After pairing again: captures held for authentication become pending and go out now. */
export function releaseHeld() {
  return serial(async () => {
    const q = await readQueue();
    let changed = false;
    for (const x of q) if (x.status === 'auth') { x.status = 'pending'; x.nextAttemptAt = Date.now(); changed = true; }
    if (changed) await writeQueue(q);
    return changed;
  }).then((changed) => (changed ? processQueue() : null));
}

export function discard(id) {
  return serial(() => removeItem(id)).then(notify);
}
