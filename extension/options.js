// Options: pair with the team server (POST /api/v1/pair), show who we are, unpair.
import { ext } from './lib/browser.js';
import { api, ApiError, CONFIG_KEY, getConfig, pair, REVOKED_MESSAGE } from './lib/api.js';

const $ = (id) => document.getElementById(id);

function show(el, on) { el.hidden = !on; }

function status(kind, text) {
  const s = $('status');
  s.className = `notice ${kind}`;
  s.textContent = text;
  show(s, !!text);
}

function pairError(text) {
  $('pair-error').textContent = text ?? '';
  show($('pair-error'), !!text);
}

function defaultDeviceName() {
  const ua = navigator.userAgent;
  const browserName = /Firefox\//.test(ua) ? 'Firefox' : /Edg\//.test(ua) ? 'Edge' : 'Chrome';
  const os = /Mac OS X/.test(ua) ? 'Mac' : /Windows/.test(ua) ? 'Windows' : /Linux/.test(ua) ? 'Linux' : 'computer';
  return `${browserName} on ${os}`;
}

function pairMessage(e) {
  if (!(e instanceof ApiError)) return String(e?.message ?? e);
  if (e.status === 0) return e.message; // server down / bad address
  // held back after too many wrong codes from here: the server says so and for how long; nothing retries a pairing
  if (e.status === 429) return e.serverMessage || 'Too many wrong pairing codes; wait a minute, then check the code with your admin.';
  if (e.status === 400 || e.status === 401 || e.status === 404 || e.status === 409) {
    return e.serverMessage ? `That pairing code did not work: ${e.serverMessage}` : 'That pairing code did not work. Codes work once; ask your admin for a new one.';
  }
  return e.message;
}

async function render({ check = false } = {}) {
  const cfg = await getConfig();
  const paired = !!cfg.token;
  $('server-url').value ||= cfg.serverUrl ?? 'http://localhost:8080';
  $('device-name').value ||= defaultDeviceName();
  show($('pair-form'), !paired || !!cfg.revoked);
  show($('paired'), paired && !cfg.revoked);
  if (paired) {
    $('p-server').textContent = cfg.serverUrl;
    $('p-member').textContent = [cfg.member?.name, cfg.member?.email ? `<${cfg.member.email}>` : null].filter(Boolean).join(' ');
    $('p-team').textContent = cfg.team?.name ?? '';
  }
  if (cfg.revoked) {
    status('error', REVOKED_MESSAGE);
  } else if (paired && check) {
    try {
      const me = await api.me();
      status('ok', `Connected as ${me?.member?.name ?? cfg.member?.name ?? 'you'}${me?.team?.name ? ` (${me.team.name})` : ''}.`);
    } catch (e) {
      // 401 marks the config as revoked; the storage listener renders that.
      if (!(e instanceof ApiError && e.status === 401)) status('error', e.message);
    }
  } else if (!paired) {
    status('', '');
  }
}

$('pair-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  pairError(null);
  const code = $('pairing-code').value.trim();
  if (!code) { pairError('Enter the pairing code your admin gave you.'); $('pairing-code').focus(); return; }
  const btn = $('pair');
  btn.disabled = true;
  btn.textContent = 'Pairing…';
  try {
    const cfg = await pair($('server-url').value, code, $('device-name').value.trim() || defaultDeviceName());
    $('pairing-code').value = '';
    status('ok', `Paired as ${cfg.member?.name ?? 'you'}${cfg.team?.name ? ` with team ${cfg.team.name}` : ''}. You can close this page and open the Seguito panel.`);
    await render();
  } catch (e) {
    pairError(pairMessage(e));
  } finally {
    btn.disabled = false;
    btn.textContent = 'Pair';
  }
});

$('check').addEventListener('click', () => render({ check: true }));

$('unpair').addEventListener('click', async () => {
  try { await api.logout(); } catch { /* revoke what we can; forget the token anyway */ }
  const cfg = await getConfig();
  await ext.storage.local.set({ [CONFIG_KEY]: { serverUrl: cfg.serverUrl } });
  status('ok', 'This browser is no longer paired.');
  render();
});

ext.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes[CONFIG_KEY]) render();
});

render({ check: true });
