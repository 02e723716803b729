// Seguito team admin page. Every value from the server is rendered with textContent: captured data is never HTML.
const TOKEN_KEY = 'seguito.adminToken';
const $ = (selector) => document.querySelector(selector);

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

async function api(method, path, body) {
  const response = await fetch('/api/v1' + path, {
    method,
    headers: { 'Authorization': 'Bearer ' + token(), ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = response.status === 204 ? {} : await response.json();
  if (!response.ok) {
    if (response.status === 401) {
      signOut(data.message);
    }
    throw new Error(data.message || ('HTTP ' + response.status));
  }
  return data;
}

function cell(row, text) {
  const td = document.createElement('td');
  td.textContent = text ?? '';
  row.appendChild(td);
  return td;
}

function button(label, onClick, secondary = true) {
  const b = document.createElement('button');
  b.textContent = label;
  b.type = 'button';
  if (secondary) b.className = 'secondary';
  b.addEventListener('click', onClick);
  return b;
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

function fill(tableSelector, items, render) {
  const tbody = $(tableSelector + ' tbody');
  tbody.replaceChildren();
  for (const item of items) {
    const row = document.createElement('tr');
    render(row, item);
    tbody.appendChild(row);
  }
}

async function loadMembers() {
  const { items } = await api('GET', '/team/members');
  fill('#members', items, (row, m) => {
    cell(row, m.name); cell(row, m.email); cell(row, m.role); cell(row, when(m.lastSeen));
    cell(row, '').appendChild(button('New pairing code', async () => {
      const { pairingCode } = await api('POST', `/team/members/${m.id}/pairing-code`);
      $('#pairing-code').textContent = `Pairing code for ${m.name}: ${pairingCode} (single use)`;
    }));
  });
}

async function loadTokens() {
  const { items } = await api('GET', '/team/tokens');
  fill('#tokens', items, (row, t) => {
    cell(row, t.member); cell(row, t.deviceName); cell(row, t.kind); cell(row, when(t.createdAt)); cell(row, when(t.expiresAt));
    const state = t.revokedAt ? 'revoked' : t.usedAt && t.kind === 'pairing' ? 'used'
      : new Date(t.expiresAt) < new Date() ? 'expired' : 'active';
    cell(row, state);
    const actions = cell(row, '');
    if (state === 'active') {
      actions.appendChild(button('Revoke', async () => { await api('DELETE', `/team/tokens/${t.id}`); await Promise.all([loadTokens(), loadAudit()]); }));
    }
  });
}

async function loadSync() {
  const status = await api('GET', '/admin/sync');
  const dl = $('#sync-status');
  dl.replaceChildren();
  for (const [label, value] of [['Connector', status.connector], ['Waiting to send', status.backlog],
    ['Retrying', status.retrying], ['Failed (dead letters)', status.dead], ['Delivered (last 30 days)', status.delivered],
    ['Last delivery', when(status.lastDelivered)]]) {
    const dt = document.createElement('dt'); dt.textContent = label;
    const dd = document.createElement('dd'); dd.textContent = String(value ?? '');
    dl.append(dt, dd);
  }
  fill('#failures', status.failures, (row, f) => {
    cell(row, String(f.id)); cell(row, f.kind); cell(row, String(f.attempts)); cell(row, f.reason);
    cell(row, f.dead ? 'failed' : 'retrying at ' + when(f.nextAttempt));
    cell(row, '').appendChild(button('Retry now', async () => { await api('POST', `/admin/sync/retry/${f.id}`); await loadSync(); }));
  });
}

const POLICY_FIELDS = [
  ['timeZone', 'Time zone', 'text'],
  ['rhythmDays.client', 'Rhythm: clients (days)', 'number'],
  ['rhythmDays.prospect', 'Rhythm: prospects (days)', 'number'],
  ['rhythmDays.partner', 'Rhythm: partners (days)', 'number'],
  ['rhythmDays.colleague', 'Rhythm: colleagues (days)', 'number'],
  ['rhythmDays.other', 'Rhythm: others (days)', 'number'],
  ['backoffThreshold', 'Back off after unanswered touches', 'number'],
  ['backoffMultiplier', 'Back-off multiplier', 'number'],
  ['frequencyCapDays', 'Team-wide cap (days)', 'number'],
  ['dormantDays', 'Dormant client after (days)', 'number'],
  ['answerEmailBusinessDays', 'Answer email within (business days)', 'number'],
  ['answerLinkedinDays', 'Answer LinkedIn within (days)', 'number'],
  ['referralIntervalDays', 'Partners: give every (days)', 'number'],
  ['minFitScore', 'Minimum fit score (0–1)', 'number'],
  ['idealProfile.industries', 'Ideal industries (comma separated)', 'list'],
  ['idealProfile.roles', 'Ideal roles (comma separated)', 'list'],
  ['idealProfile.companySizes', 'Ideal company sizes (comma separated)', 'list'],
  ['idealProfile.tags', 'Ideal tags (comma separated)', 'list'],
  ['holidayCountry', 'Public holidays of (country code, e.g. IT, or with a region or city: DE-BY, IT-MI; empty for none)', 'text'],
  ['daysOff', 'More days off: closing days, local holidays (2026-12-24, comma separated)', 'list'],
];

function getPath(obj, path) {
  return path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

function setPath(obj, path, value) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {});
  o[keys.at(-1)] = value;
}

async function loadPolicy() {
  const policy = await api('GET', '/team/policy');
  const form = $('#policy');
  form.replaceChildren();
  for (const [path, label, type] of POLICY_FIELDS) {
    const l = document.createElement('label');
    l.textContent = label;
    const input = document.createElement('input');
    input.name = path;
    input.type = type === 'number' ? 'number' : 'text';
    if (type === 'number') input.step = 'any';
    const value = getPath(policy, path);
    input.value = Array.isArray(value) ? value.join(', ') : String(value ?? '');
    l.appendChild(input);
    form.appendChild(l);
  }
  const save = document.createElement('button');
  save.type = 'submit';
  save.textContent = 'Save policy';
  form.appendChild(save);
}

async function savePolicy(event) {
  event.preventDefault();
  const policy = {};
  for (const [path, , type] of POLICY_FIELDS) {
    const raw = event.target.elements[path].value.trim();
    setPath(policy, path, type === 'number' ? Number(raw) : type === 'list'
      ? raw.split(',').map((s) => s.trim()).filter(Boolean) : raw);
  }
  const result = $('#policy-result');
  try {
    await api('PUT', '/team/policy', policy);
    result.className = 'notice';
    result.textContent = 'Saved; every suggestion was recomputed.';
    await loadAudit();
  } catch (e) {
    result.className = 'error';
    result.textContent = e.message;
  }
}

async function loadSettings() {
  const settings = await api('GET', '/team/settings');
  $('#settings').elements.contactErasure.value = settings.contactErasure;
}

async function saveSettings(event) {
  event.preventDefault();
  const result = $('#settings-result');
  try {
    const saved = await api('PATCH', '/team/settings', { contactErasure: event.target.elements.contactErasure.value });
    result.className = 'notice';
    result.textContent = saved.contactErasure === 'admins'
      ? 'Saved: only team admins can delete contacts everywhere.' : 'Saved: every member can delete contacts everywhere.';
    await loadAudit();
  } catch (e) {
    result.className = 'error';
    result.textContent = e.message;
  }
}

let agendaRange = 'today';

async function loadAgenda(range = agendaRange) {
  agendaRange = range;
  const tag = $('#agenda-tag').value.trim();
  const { items } = await api('GET', `/agenda?range=${range}&limit=100${tag ? `&tag=${encodeURIComponent(tag)}` : ''}`);
  fill('#agenda', items, (row, i) => {
    cell(row, when(i.dueAt)); cell(row, [i.displayName, i.company].filter(Boolean).join(' · '));
    cell(row, i.action); cell(row, i.reason + (i.touchedBy ? ` (last touched by ${i.touchedBy})` : ''));
  });
}

const AUDIT_ACTIONS = {
  'member.added': 'Added a member',
  'token.revoked': 'Revoked an access token',
  'policy.updated': 'Changed the team policy',
  'team.settings.changed': 'Changed the team settings',
  'contact.merged': 'Merged two contacts',
  'contact.deleted': 'Deleted a contact everywhere',
  'contact.address.removed': 'Removed an address from a contact',
  'contact.address.added': 'Added an address to a contact',
  'contact.corrected': 'Corrected a contact by hand',
  'sync.retry': 'Retried CRM deliveries',
};
let auditNext = null;
let auditLoads = 0;

/** The audit log, a page at a time; `more` appends the next page to the rows shown. */
async function loadAudit(more = false) {
  const mine = ++auditLoads;
  const page = await api('GET', `/team/audit?limit=50${more && auditNext ? `&before=${auditNext}` : ''}`);
  if (mine !== auditLoads) return; // a newer load (after another action) answers instead: never show an older log
  const tbody = $('#audit tbody');
  if (!more) tbody.replaceChildren();
  for (const e of page.items) {
    const row = document.createElement('tr');
    cell(row, when(e.at)); cell(row, e.by ?? '—'); cell(row, AUDIT_ACTIONS[e.action] ?? e.action);
    const detail = JSON.stringify(e.detail ?? {});
    cell(row, detail.length > 160 ? detail.slice(0, 160) + '…' : detail).title = detail;
    tbody.appendChild(row);
  }
  auditNext = page.next;
  $('#audit-older').hidden = !auditNext;
}

async function showConsole() {
  const me = await api('GET', '/me');
  $('#who').textContent = `${me.member.name} · ${me.team.name}`;
  if (me.role !== 'admin') {
    signOut('This page is for team admins.');
    return;
  }
  $('#sign-in').hidden = true;
  $('#console').hidden = false;
  $('#sign-out').hidden = false;
  await Promise.all([loadMembers(), loadTokens(), loadSync(), loadPolicy(), loadSettings(), loadAgenda('today'), loadAudit()]);
}

function signOut(message) {
  sessionStorage.removeItem(TOKEN_KEY);
  $('#console').hidden = true;
  $('#sign-out').hidden = true;
  $('#sign-in').hidden = false;
  $('#who').textContent = '';
  $('#sign-in-error').textContent = message || '';
}

async function signIn(event) {
  event.preventDefault();
  const credential = $('#credential').value.trim();
  $('#sign-in-error').textContent = '';
  try {
    if (credential.startsWith('sgt_')) {
      sessionStorage.setItem(TOKEN_KEY, credential);
    } else {
      const response = await fetch('/api/v1/pair', {
        method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ code: credential, deviceName: 'Admin page' }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.message);
      sessionStorage.setItem(TOKEN_KEY, data.token);
    }
    await showConsole();
  } catch (e) {
    $('#sign-in-error').textContent = e.message;
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#sign-in-form').addEventListener('submit', signIn);
  $('#sign-out').addEventListener('click', () => signOut());
  $('#policy').addEventListener('submit', savePolicy);
  $('#settings').addEventListener('submit', saveSettings);
  $('#retry-all').addEventListener('click', async () => { await api('POST', '/admin/sync/retry'); await Promise.all([loadSync(), loadAudit()]); });
  $('#audit-older').addEventListener('click', () => loadAudit(true));
  $('#add-member').addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = event.target.elements;
    try {
      const { member, pairingCode } = await api('POST', '/team/members',
        { name: f.name.value, email: f.email.value, role: f.role.value });
      $('#pairing-code').textContent = `Pairing code for ${member.name}: ${pairingCode} (single use)`;
      event.target.reset();
      await Promise.all([loadMembers(), loadAudit()]);
    } catch (e) {
      $('#pairing-code').textContent = e.message;
    }
  });
  for (const b of document.querySelectorAll('button.agenda')) {
    b.addEventListener('click', () => loadAgenda(b.dataset.range));
  }
  $('#agenda-tag').addEventListener('change', (event) => {
    const input = event.currentTarget;
    input.setCustomValidity('');
    loadAgenda().catch((e) => { input.setCustomValidity(e.message); input.reportValidity(); }); // e.g. a tag of punctuation only
  });
  if (token()) showConsole().catch((e) => signOut(e.message)); else signOut();
});
