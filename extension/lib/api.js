// Talks to the team's own Seguito server (docs/api.md). Every network call of the extension goes through here.
import { getLocal, setLocal } from './browser.js';

export const CONFIG_KEY = 'config'; // {serverUrl, token, member, team, pairedAt, revoked}
export const GZIP_THRESHOLD = 32 * 1024; // bytes of JSON above which a capture body is gzip-compressed

export class ApiError extends Error {
  constructor(status, code, message, extra = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status; // 0 when the server could not be reached
    this.code = code;
    Object.assign(this, extra);
  }
  get network() { return this.status === 0 && this.code === 'network'; }
  /** Worth trying again later with the same idempotency key? */
  get retryable() { return this.status === 0 ? this.code === 'network' : this.status >= 500 || this.status === 408 || this.status === 429; }
  toJSON() { return { status: this.status, code: this.code, message: this.message }; }
}

export const REVOKED_MESSAGE = 'Your access was revoked, pair again.';

/** The sentence a person sees for an API error. */
export function friendlyMessage(status, code, serverMessage, serverUrl) {
  if (status === 0 && code === 'not_paired') return 'This browser is not paired with a Seguito server yet. Open the options to pair it.';
  if (status === 0) return `Can't reach the Seguito server${serverUrl ? ` at ${serverUrl}` : ''}. Is it running?`;
  if (status === 401) return REVOKED_MESSAGE;
  if (status === 422 && code === 'not_a_profile') return 'This page is not a LinkedIn profile.';
  if (status === 422 && code === 'not_a_company') return 'This page is not a LinkedIn company page.';
  if (status === 422) return serverMessage || 'Nothing on this page could be read.';
  if (status === 413) return 'This page is too large to capture.';
  if (status === 429) return 'Too many requests right now; Seguito will try again shortly.';
  if (status === 403) return serverMessage || 'Only a team admin can do that.';
  if (status >= 500) return `The Seguito server had a problem (${status}). It will be retried.`;
  return serverMessage || `The server answered ${status}.`;
}

export function normaliseServerUrl(raw) {
  let s = String(raw ?? '').trim();
  if (!s) throw new ApiError(0, 'bad_url', 'Enter the address of your Seguito server.');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !/^https?:\/\//i.test(s)) throw new ApiError(0, 'bad_url', 'Use an http(s) address.');
  if (!/^https?:\/\//i.test(s)) s = `http://${s}`;
  let u;
  try { u = new URL(s); } catch { throw new ApiError(0, 'bad_url', 'That is not a valid server address.'); }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ApiError(0, 'bad_url', 'Use an http(s) address.');
  return u.origin + u.pathname.replace(/\/+$/, '');
}

export async function getConfig() {
  return getLocal(CONFIG_KEY, {});
}

export async function gzipText(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Low-level request. Throws ApiError; answers {status, data: the parsed JSON (or null), gzipped, body: the text}.
 * opts: {method, body (object, sent as JSON) or text + contentType (sent as it is), query (object; an array value
 * repeats its parameter), headers, serverUrl, token, gzip (bool|'auto'), signal, auth (default true)}
 */
export async function request(path, opts = {}) {
  const cfg = opts.serverUrl ? opts : await getConfig();
  const serverUrl = opts.serverUrl ?? cfg.serverUrl;
  const token = opts.token ?? cfg.token;
  const auth = opts.auth !== false;
  if (!serverUrl || (auth && !token)) throw new ApiError(0, 'not_paired', friendlyMessage(0, 'not_paired'));
  const url = new URL(serverUrl.replace(/\/+$/, '') + path);
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, item);
    else if (v !== undefined && v !== null) url.searchParams.set(k, v);
  }
  const headers = { Accept: 'application/json', ...(opts.headers ?? {}) };
  if (auth) headers.Authorization = `Bearer ${token}`;
  let body;
  let gzipped = false;
  const text = opts.body !== undefined ? JSON.stringify(opts.body) : opts.text;
  if (text !== undefined) {
    headers['Content-Type'] = opts.body !== undefined ? 'application/json' : opts.contentType;
    const size = new TextEncoder().encode(text).length;
    if (opts.gzip === true || (opts.gzip === 'auto' && size > GZIP_THRESHOLD)) {
      body = await gzipText(text);
      headers['Content-Encoding'] = 'gzip';
      gzipped = true;
    } else {
      body = text;
    }
  }
  let res;
  const timeout = AbortSignal.timeout(opts.timeoutMs ?? 30_000); // a hung server counts as unreachable
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    res = await fetch(url, { method: opts.method ?? (body ? 'POST' : 'GET'), headers, body, signal, cache: 'no-store' });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError(0, 'network', friendlyMessage(0, 'network', null, serverUrl), { cause: e });
  }
  const answer = await res.text();
  let data = null;
  if (answer) { try { data = JSON.parse(answer); } catch { data = null; } }
  if (!res.ok) {
    const code = data?.error ?? (res.status === 401 ? 'unauthorized' : `http_${res.status}`);
    const err = new ApiError(res.status, code, friendlyMessage(res.status, code, data?.message, serverUrl), {
      serverMessage: data?.message, retryAfter: Number(res.headers.get('Retry-After')) || null,
    });
    if (res.status === 401 && auth && !opts.token) await markRevoked(token);
    throw err;
  }
  return { status: res.status, data, gzipped, body: answer };
}

/** Remember that the stored token no longer works, so every page shows the same clear message. */
async function markRevoked(token) {
  const cfg = await getConfig();
  if (cfg.token && cfg.token === token && !cfg.revoked) await setLocal({ [CONFIG_KEY]: { ...cfg, revoked: true } });
}

export async function pair(serverUrlRaw, code, deviceName) {
  const serverUrl = normaliseServerUrl(serverUrlRaw);
  const { data } = await request('/api/v1/pair', {
    serverUrl, auth: false, method: 'POST', body: { code: String(code).trim().toUpperCase(), deviceName },
  });
  if (!data?.token) throw new ApiError(0, 'bad_answer', 'The server did not answer with a token.');
  const cfg = { serverUrl, token: data.token, member: data.member ?? null, team: data.team ?? null, pairedAt: new Date().toISOString(), revoked: false };
  await setLocal({ [CONFIG_KEY]: cfg });
  return cfg;
}

/**
 * A capture goes out as the page itself (docs/api.md, "Captures"): the server reads a 400 KB page as it is instead
 * of decoding it out of a JSON string and encoding it again to check a retry. `sentAt`, by the same clock as
 * `capturedAt`, lets the server correct a browser clock that is off (the capture may have waited in the queue).
 */
export function captureRequest(payload, sentAt = new Date()) {
  const mail = payload.source === 'eml';
  return {
    method: 'POST', gzip: 'auto', timeoutMs: 120_000,
    text: mail ? payload.mime : payload.html,
    contentType: mail ? 'message/rfc822' : 'text/html; charset=utf-8',
    headers: { 'Idempotency-Key': payload.idempotencyKey },
    query: {
      source: payload.source, pageUrl: payload.pageUrl, capturedAt: payload.capturedAt, sentAt: sentAt.toISOString(),
      ownEmail: payload.ownEmails,
    },
  };
}

const enc = encodeURIComponent;
export const api = {
  me: () => request('/api/v1/me').then((r) => r.data),
  logout: () => request('/api/v1/me/logout', { method: 'POST', body: {} }),
  /** The team's settings and what this member may do under them ({ contactErasure, mayEraseContacts }). */
  teamSettings: () => request('/api/v1/team/settings').then((r) => r.data),
  lookup: (key) => request('/api/v1/contacts/lookup', { query: key }).then((r) => r.data),
  /** The company card of a canonical https://www.linkedin.com/company/<slug>/ page; 404 until the team captured it. */
  companyLookup: (linkedinUrl) => request('/api/v1/companies/lookup', { query: { linkedinUrl } }).then((r) => r.data),
  contact: (id) => request(`/api/v1/contacts/${enc(id)}`).then((r) => r.data),
  timeline: (id, limit = 10) => request(`/api/v1/contacts/${enc(id)}/timeline`, { query: { limit } }).then((r) => r.data),
  /** With `idempotencyKey`, a retry of the same submit answers the interaction logged the first time (200, not 201). */
  logInteraction: (id, body, idempotencyKey) => request(`/api/v1/contacts/${enc(id)}/interactions`,
    { method: 'POST', body: idempotencyKey ? { ...body, idempotencyKey } : body }).then((r) => r.data),
  /**
   * A contact typed in by hand (lib/entry.js builds the body, its idempotencyKey included); answers {status: new |
   * matched | updated | possible_duplicate, contact: card, meeting, replayed}. Interactive: never queued offline.
   */
  addContact: (body) => request('/api/v1/contacts', { method: 'POST', body }).then((r) => r.data),
  touchDone: (id) => request(`/api/v1/contacts/${enc(id)}/next-touch/done`, { method: 'POST', body: {} }).then((r) => r.data),
  touchSnooze: (id, until) => request(`/api/v1/contacts/${enc(id)}/next-touch/snooze`, { method: 'POST', body: { until } }).then((r) => r.data),
  touchDismiss: (id) => request(`/api/v1/contacts/${enc(id)}/next-touch/dismiss`, { method: 'POST', body: {} }).then((r) => r.data),
  confirmDuplicate: (id, other) => request(`/api/v1/contacts/${enc(id)}/duplicates/${enc(other)}/confirm`, { method: 'POST', body: {} }).then((r) => r.data),
  rejectDuplicate: (id, other) => request(`/api/v1/contacts/${enc(id)}/duplicates/${enc(other)}/reject`, { method: 'POST', body: {} }).then((r) => r.data),
  capture: (payload) => request('/api/v1/captures', captureRequest(payload)),
  deleteContact: (id) => request(`/api/v1/contacts/${enc(id)}`, { method: 'DELETE' }),
  /** Any field PATCH /contacts/{id} takes (docs/api.md): names, title, company, tags, industry …; answers the card. */
  editContact: (id, changes) => request(`/api/v1/contacts/${enc(id)}`, { method: 'PATCH', body: changes }).then((r) => r.data),
  /** kind: email | phone | website; answers the card with the address. */
  addAddress: (id, kind, value) => request(`/api/v1/contacts/${enc(id)}/addresses`, { method: 'POST', body: { [kind]: value } }).then((r) => r.data),
  /** kind: email | phone | website; answers the card without the address. */
  removeAddress: (id, kind, value) => request(`/api/v1/contacts/${enc(id)}/addresses`, { method: 'DELETE', query: { [kind]: value } }).then((r) => r.data),
  exportVcard: (id) => request(`/api/v1/contacts/${enc(id)}/export`, { query: { format: 'vcard' } }).then((r) => r.body),
};
