// One handle for both engines: Firefox exposes `browser` (promise based), Chromium `chrome` (promises in MV3).
export const ext = globalThis.browser ?? globalThis.chrome;

/** storage.local get of one key, with a default. */
export async function getLocal(key, fallback = undefined) {
  const got = await ext.storage.local.get(key);
  return got[key] === undefined ? fallback : got[key];
}

export function setLocal(values) {
  return ext.storage.local.set(values);
}

export function removeLocal(keys) {
  return ext.storage.local.remove(keys);
}

/** runtime.sendMessage that never throws "Receiving end does not exist" at the caller. */
export async function sendRuntime(message) {
  try {
    return await ext.runtime.sendMessage(message);
  } catch (e) {
    return { ok: false, error: { code: 'no_receiver', message: String(e?.message ?? e) } };
  }
}
