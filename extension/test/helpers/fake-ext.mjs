// An in-memory stand-in for the extension's storage, so lib/api.js can run under node. Imported before anything
// from lib/: lib/browser.js reads `chrome` once, when it is first loaded.
const store = {};
globalThis.chrome ??= {
  storage: {
    local: {
      get: async (key) => (key in store ? { [key]: structuredClone(store[key]) } : {}),
      set: async (values) => { Object.assign(store, structuredClone(values)); },
      remove: async (keys) => { for (const k of [keys].flat()) delete store[k]; },
    },
  },
};
