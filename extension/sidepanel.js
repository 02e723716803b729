// Side panel (Chromium) / sidebar (Firefox). Shows the team's card for the person the tracked tab is about.
// Every captured value is rendered as text through lib/dom.js; nothing from the page or the server is parsed as HTML.
import { ext, getLocal, sendRuntime } from './lib/browser.js';
import { api, ApiError, CONFIG_KEY, getConfig, REVOKED_MESSAGE } from './lib/api.js';
import { QUEUE_KEY } from './lib/queue.js';
import { connectEvents } from './lib/sse.js';
import { h, replaceChildren, safeUrl, fmtDate, relDay } from './lib/dom.js';
import { tagList, tagText } from './lib/tags.js';
import { SubmitKey, contactBody, entryErrorText, ENTRY_STATUS, fromLocalInput, localInputValue } from './lib/entry.js';

const $ = (id) => document.getElementById(id);
const content = $('content');

const params = new URLSearchParams(location.search);
const pinnedTab = params.has('tabId'); // tests (and "pop out") pin the panel to one tab
const state = {
  tabId: pinnedTab ? Number(params.get('tabId')) : null,
  windowId: null,
  config: {},
  identity: null,     // what the content script says the page is about
  identityKey: null,
  lookupKey: null,    // {linkedinUrl} | {email}
  card: null,
  company: null,        // the company card, on a LinkedIn company page
  companyCapture: null, // what the last capture of this company page said: {changed, keptByHand, warnings}
  matchStatus: null,  // from the last capture answer: new | matched | updated | possible_duplicate
  others: [],         // other people in the same captured thread
  view: 'loading',    // loading | not_paired | no_page | not_profile | no_thread | unknown | card | company | error
  error: null,
  busy: false,
  logOpen: false,
  logDraft: null,     // what the "log a touch" form holds: kept while the panel re-renders, and for a retry
  logKey: null,       // its idempotency key (lib/entry.js): the same on a retry of that submit, a new one after success
  entry: null,        // the open "add a contact" form: {draft, key, busy, error}
  entryCard: null,    // the id of the contact that form added, shown until the tab's page changes
  entryResult: null,  // {contactId, status, text}: the one line said above that card
  addressOpen: false, // the "add an address" form of the card
  addressError: null, // why the server refused the address typed there
  addressDraft: { kind: 'email', value: '' },
  editOpen: false, // the "edit this contact" form
  aboutOpen: null, // the contact whose whole About text is shown
  editDraft: {},
  editError: null,
  confirmDelete: null, // the id of the contact whose "Delete everywhere?" is open
  mayErase: true,      // false when the team keeps "Delete everywhere" for its admins (the server decides anyway)
  confirmRemove: null, // {contactId, kind, value} of the address whose "Remove?" is open
  queue: [],
};
let seq = 0;
let events = null;

const SOURCE_LABEL = { linkedin_profile: 'LinkedIn profile', linkedin_company: 'LinkedIn company page', gmail_thread: 'Gmail thread', outlook_thread: 'Outlook thread', eml: 'Email file', manual: 'Edited by hand' };
const STATUS_LABEL = { new: 'New contact', matched: 'Matched', updated: 'Updated', possible_duplicate: 'Possible duplicate', known: 'In your contacts' };
const TYPE_LABEL = {
  call: 'Call', meeting: 'Meeting', note: 'Note', referral_given: 'Referral given', referral_received: 'Referral received',
  email: 'Email', linkedin_message: 'LinkedIn message', linkedin_connection: 'LinkedIn connection',
};
const TYPE_ICON = { call: '☎', meeting: '◷', note: '✎', referral_given: '↗', referral_received: '↙', email: '✉', linkedin_message: '✉', linkedin_connection: '⇄' };
const AUTOMATED = /^(no-?reply|do-?not-?reply|notifications?|notify|mailer-daemon|postmaster|bounces?|news(letter)?)([+.@-]|$)/i;

// ---------------------------------------------------------------------------------------------- start-up

async function init() {
  state.config = await getConfig();
  if (!pinnedTab) {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    state.tabId = tab?.id ?? null;
    state.windowId = tab?.windowId ?? null;
    ext.tabs.onActivated.addListener(({ tabId, windowId }) => {
      if (state.windowId !== null && windowId !== state.windowId) return;
      state.tabId = tabId;
      refresh({ force: true });
    });
  }
  ext.tabs.onUpdated.addListener((tabId, info) => {
    if (tabId === state.tabId && (info.status === 'complete' || info.url)) refresh();
  });
  ext.tabs.onRemoved.addListener((tabId) => { if (tabId === state.tabId) { state.identity = null; refresh({ force: true }); } });
  ext.runtime.onMessage.addListener((msg, sender) => {
    if (msg?.type === 'seguito:page-changed' && sender.tab?.id === state.tabId) refresh({ identity: msg.identity });
    return false;
  });
  ext.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if (changes[CONFIG_KEY]) onConfigChanged(changes[CONFIG_KEY].newValue ?? {}, changes[CONFIG_KEY].oldValue ?? {});
    if (changes[QUEUE_KEY]) onQueueChanged(changes[QUEUE_KEY].newValue ?? [], changes[QUEUE_KEY].oldValue ?? []);
  });
  addEventListener('online', () => { events?.kick(); sendRuntime({ type: 'seguito:flush' }); });
  document.addEventListener('visibilitychange', onVisibilityChange);
  $('add-contact').addEventListener('click', openEntry);
  state.queue = await getLocal(QUEUE_KEY, []);
  renderQueue();
  renderBanner();
  startEvents();
  loadSettings();
  await refresh({ force: true });
}

/** Whether this member may delete contacts everywhere; if the server cannot say now, the button stays and it decides. */
let settingsLoads = 0;
async function loadSettings() {
  const { serverUrl, token, revoked } = state.config;
  if (!serverUrl || !token || revoked) return;
  const mine = ++settingsLoads;
  try {
    const mayErase = (await api.teamSettings()).mayEraseContacts !== false;
    if (mine !== settingsLoads || mayErase === state.mayErase) return; // a newer read answers instead
    state.mayErase = mayErase;
    if (state.view === 'card') render();
  } catch { /* offline or signed out: shown elsewhere */ }
}

function onConfigChanged(next, prev) {
  state.config = next;
  renderBanner();
  if (next.token !== prev.token || next.serverUrl !== prev.serverUrl) {
    startEvents();
    state.mayErase = true;
    loadSettings();
    refresh({ force: true });
  } else if (next.revoked && !prev.revoked) {
    events?.stop();
    render();
  }
}

function onQueueChanged(next, prev) {
  state.queue = next;
  renderQueue();
  // A capture of this page just left the queue (delivered while we watched): show the fresh card.
  const gone = prev.filter((p) => !next.some((n) => n.id === p.id));
  if (gone.some((g) => sameIdentity(g.identity))) refresh({ force: true });
  else if (state.view === 'unknown' || state.view === 'card' || state.view === 'company') render();
}

// --------------------------------------------------------------------------------------------- live events

/** @param {{resumed?: boolean}} opts resumed: the card is re-read once the stream is open, as after a reconnect */
function startEvents({ resumed = false } = {}) {
  events?.stop();
  events = null;
  pausedWhileHidden = false;
  const { serverUrl, token, revoked } = state.config;
  if (!serverUrl || !token || revoked) { setLive('off', 'Offline'); return; }
  let opened = resumed;
  events = connectEvents({
    url: `${serverUrl}/api/v1/events`,
    token,
    onState: (s, info) => {
      if (s === 'open') {
        setLive('open', 'Live');
        sendRuntime({ type: 'seguito:flush' }); // the server is reachable: send what is waiting
        loadSettings(); // from now on a change to them arrives as a team event, so none is missed in between
        // Events may have been missed while disconnected: re-read the card after a reconnect.
        if (opened || state.offline || state.view === 'error') refresh({ force: true, quiet: true });
        opened = true;
      } else if (s === 'retrying') setLive('retrying', `Reconnecting in ${Math.round(info.inMs / 1000)} s`);
      else if (s === 'connecting') setLive('connecting', 'Connecting…');
      else if (s === 'unauthorized') { setLive('off', 'Signed out'); api.me().catch(() => {}); }
      else if (s === 'stopped') setLive('off', state.config.revoked ? 'Signed out' : 'Offline');
    },
    onEvent: onServerEvent,
  });
}

// A panel nobody can see (its window minimised, its tab in the background when it is shown as a page) lets go of
// its event stream after a minute: over plain HTTP/1.1 a browser keeps six connections to one server, and each open
// stream holds one, so panels left open in other windows would make a seventh wait. Seen again, it reconnects and
// re-reads its card, so whatever changed meanwhile is shown.
const STREAM_POLICY_KEY = 'streamPolicy'; // {hiddenGraceMs}: tests shorten the minute
const HIDDEN_GRACE_MS = 60_000;
let hiddenTimer = null;
let pausedWhileHidden = false;

async function onVisibilityChange() {
  if (document.visibilityState === 'hidden') {
    const grace = (await getLocal(STREAM_POLICY_KEY, {})).hiddenGraceMs ?? HIDDEN_GRACE_MS;
    if (document.visibilityState !== 'hidden') return; // seen again meanwhile
    hiddenTimer ??= setTimeout(() => {
      hiddenTimer = null;
      if (!events || state.config.revoked) return;
      events.stop();
      events = null;
      pausedWhileHidden = true;
      setLive('paused', 'Paused');
    }, grace);
    return;
  }
  clearTimeout(hiddenTimer);
  hiddenTimer = null;
  if (pausedWhileHidden) {
    startEvents({ resumed: true }); // the card is re-read once the stream is open, so nothing falls in between
  }
}

function setLive(s, text) {
  const el = $('live');
  el.dataset.state = s;
  el.textContent = text;
}

function onServerEvent(ev) {
  if (ev.event !== 'contact' && ev.event !== 'team') return;
  let data;
  try { data = JSON.parse(ev.data); } catch { return; }
  if (ev.event === 'team') {
    if (data?.kind === 'settings') loadSettings(); // e.g. an admin kept "Delete everywhere" for admins
    return;
  }
  const id = data?.contactId;
  if (state.view === 'company') {
    // The card lists the company's people: a change to one of them (a colleague set the industry on their card,
    // captured the company page) or a new capture (maybe someone who works there) may change what it shows.
    if (data?.kind === 'captured' || data?.kind === 'merged' || state.company?.employees?.some((e) => e.id === id)) {
      refresh({ force: true, quiet: true });
    }
    return;
  }
  if (state.card && (id === state.card.id || state.card.possibleDuplicates?.some((d) => d.id === id))) {
    reloadCard(data);
  } else if (state.view === 'unknown' && (data?.kind === 'captured' || data?.kind === 'merged')) {
    // Maybe a colleague just captured the person on this page.
    refresh({ force: true, quiet: true });
  }
}

async function reloadCard(data) {
  const my = ++seq;
  try {
    const card = (data.kind === 'merged' || data.kind === 'deleted') && state.lookupKey
      ? await api.lookup(state.lookupKey).catch(notFoundToNull)
      : await api.contact(state.card.id).catch(notFoundToNull);
    if (my !== seq) return;
    if (!card && state.entryCard) return backToPage(); // the contact added by hand is gone: show the page again
    if (card) { state.card = card; state.view = 'card'; } else { state.card = null; state.view = 'unknown'; }
    render();
    // Our own changes were confirmed already; say so only for a colleague's.
    if (data.by && data.by !== state.config.member?.name) toast(`Updated by ${data.by}.`);
  } catch (e) { handleError(e, my); }
}

// ------------------------------------------------------------------------------------------ page & lookup

function identityKeyOf(identity) {
  if (!identity) return null;
  if (identity.kind === 'linkedin_profile') return `li:${identity.linkedinUrl}`;
  if (identity.kind === 'linkedin_company') return `co:${identity.linkedinUrl}`;
  if (identity.kind === 'gmail_thread' || identity.kind === 'outlook_thread') {
    return `mail:${identity.participants.map((p) => p.email).join(',')}`;
  }
  return `none:${identity.reason}:${identity.site ?? ''}`;
}

function sameIdentity(identity) {
  return !!identity && identityKeyOf(identity) === state.identityKey;
}

async function identifyTab() {
  if (state.tabId === null) return null;
  try {
    return await ext.tabs.sendMessage(state.tabId, { type: 'seguito:identify' });
  } catch {
    return null; // no content script: not a page Seguito reads (or it was open before the extension was installed)
  }
}

/** The counterpart of an email thread: its participants minus the user's own and automated addresses. */
function counterparts(identity) {
  const own = new Set([...(identity.ownEmails ?? []), state.config.member?.email].filter(Boolean).map((e) => e.toLowerCase()));
  return identity.participants.filter((p) => !own.has(p.email) && !AUTOMATED.test(p.email));
}

let identifySeq = 0;
async function refresh({ force = false, identity = null, quiet = false } = {}) {
  if (!state.config.serverUrl || !state.config.token) { ++seq; state.view = 'not_paired'; return render(); }
  if (state.config.revoked) { ++seq; state.view = 'error'; state.error = REVOKED_MESSAGE; return render(); } // no calls with a dead token
  const ticket = ++identifySeq;
  const id = identity ?? await identifyTab();
  if (ticket !== identifySeq) return; // a newer refresh is under way
  const key = identityKeyOf(id);
  // Same page, already shown or being looked up: nothing to do (tab events and page messages often come in pairs).
  if (!force && key === state.identityKey && state.view !== 'error') return;
  const my = ++seq;
  if (key !== state.identityKey) { state.card = null; state.company = null; state.companyCapture = null; state.matchStatus = null; state.others = []; state.logOpen = false; state.addressOpen = false; state.editOpen = false; state.entryCard = null; state.entryResult = null; }
  state.identity = id;
  state.identityKey = key;
  state.error = null;
  if (state.entryCard) return reloadEntryCard(my); // a contact added by hand stays on screen until the page changes
  if (!id || id.kind === 'none') {
    state.card = null;
    state.view = !id ? 'no_page' : id.reason === 'not_a_profile' ? 'not_profile' : id.reason === 'no_thread' ? 'no_thread' : 'no_page';
    return render();
  }
  if (!quiet && !state.card && !state.company) { state.view = 'loading'; render(); }
  try {
    if (id.kind === 'linkedin_company') return await showCompany(id, my);
    let card = null;
    if (id.kind === 'linkedin_profile') {
      state.lookupKey = { linkedinUrl: id.linkedinUrl };
      card = await api.lookup(state.lookupKey).catch(notFoundToNull);
    } else {
      const people = counterparts(id);
      state.lookupKey = people[0] ? { email: people[0].email } : null;
      for (const p of people.slice(0, 3)) {
        card = await api.lookup({ email: p.email }).catch(notFoundToNull);
        if (card) { state.lookupKey = { email: p.email }; break; }
      }
    }
    if (my !== seq) return;
    state.card = card;
    state.offline = false;
    state.view = card ? 'card' : 'unknown';
    render();
    document.body.dataset.cardShownAt = String(Date.now());
  } catch (e) { handleError(e, my); }
}

/** A company page: its card when the team has captured it, else the page's own name and "Capture company". */
async function showCompany(id, my) {
  state.lookupKey = null; // no contact on screen: contact events and look-ups are not about this page
  const company = await api.companyLookup(id.linkedinUrl).catch(notFoundToNull);
  if (my !== seq) return;
  state.company = company;
  state.offline = false;
  state.view = 'company';
  render();
  document.body.dataset.cardShownAt = String(Date.now());
}

/** The card of the contact added by hand, read again (after a reconnect, a new token, a capture delivered). */
async function reloadEntryCard(my) {
  try {
    const card = await api.contact(state.entryCard).catch(notFoundToNull);
    if (my !== seq) return;
    if (!card) return backToPage(); // erased meanwhile
    state.card = card;
    state.offline = false;
    state.view = 'card';
    render();
  } catch (e) { handleError(e, my); }
}

/** From the contact added by hand back to what the tab's page is about. */
function backToPage() {
  state.entryCard = null;
  state.entryResult = null;
  state.card = null;
  state.matchStatus = null;
  state.logOpen = false; state.editOpen = false; state.addressOpen = false; state.confirmDelete = null; state.confirmRemove = null;
  state.view = 'loading';
  render();
  return refresh({ force: true });
}

function notFoundToNull(e) {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}

/** What to tell the user about a failure: the API's own wording, else the error's message. */
function errorText(e) {
  return e instanceof ApiError ? e.message : String(e?.message ?? e);
}

function handleError(e, my) {
  if (my !== undefined && my !== seq) return;
  if (e instanceof ApiError && e.status === 401) {
    state.view = 'error';
    state.error = REVOKED_MESSAGE;
  } else if (e instanceof ApiError && e.status === 0 && !state.card && !state.company && state.identity?.kind !== 'none') {
    // Server unreachable: the page can still be captured; the capture waits in the queue.
    state.view = state.identity?.kind === 'linkedin_company' ? 'company' : 'unknown';
    state.offline = true;
    state.error = `${e.message} Captures are kept and sent when it is back.`;
  } else {
    state.view = state.card ? 'card' : state.company ? 'company' : 'error';
    state.error = errorText(e);
  }
  render();
  if (state.view === 'card' || (state.view === 'company' && state.company)) toast(state.error);
}

// ----------------------------------------------------------------------------------------------- actions

async function capture() {
  if (state.busy) return;
  state.busy = true;
  render();
  const keyAtStart = state.identityKey;
  try {
    let extracted;
    try {
      extracted = await ext.tabs.sendMessage(state.tabId, { type: 'seguito:extract' });
    } catch {
      throw new Error('Reload the page, then try again (Seguito was installed after it was opened).');
    }
    if (!extracted || extracted.error) throw new Error(extracted?.message ?? 'Nothing to capture on this page.');
    const r = await sendRuntime({ type: 'seguito:capture', capture: { ...extracted, identity: state.identity } });
    if (!r?.ok) throw new Error(r?.error?.message ?? 'The extension could not save the capture.');
    const result = r.value;
    if (state.identityKey !== keyAtStart) {
      toast(result.state === 'delivered' ? 'Captured.' : 'The capture is saved and will be sent automatically.');
    } else if (result.state === 'delivered' && result.response?.company) {
      // A company page adds no contact: the answer is the company's card, with what the page changed.
      const res = result.response;
      state.company = res.company;
      state.companyCapture = { changed: res.changed ?? [], keptByHand: res.keptByHand ?? [], warnings: res.warnings ?? [] };
      state.view = 'company';
      state.error = null;
      toast('Company captured.');
    } else if (result.state === 'delivered') {
      const res = result.response ?? {};
      // In a thread, show the person the panel was looking at (the counterpart), not just the first one parsed.
      const wanted = state.lookupKey?.email;
      const mine = wanted && (res.contacts ?? []).find((c) => (c.emails ?? []).some((e) => e.address?.toLowerCase() === wanted));
      state.card = mine ?? res.contact ?? state.card;
      state.matchStatus = res.status ?? null;
      state.others = (res.contacts ?? []).filter((c) => c.id !== state.card?.id);
      state.view = state.card ? 'card' : state.view;
      state.error = null;
      toast(res.status === 'new' ? 'Captured: new contact.' : 'Captured.');
    } else if (result.state === 'pending') {
      toast('The server is unreachable: the capture is saved and will be sent automatically.');
    } else if (result.state === 'auth') {
      state.error = REVOKED_MESSAGE;
    } else {
      state.error = result.error?.message ?? 'The capture failed.';
    }
  } catch (e) {
    state.error = String(e?.message ?? e);
  } finally {
    state.busy = false;
    render();
  }
}

/**
 * Runs one change the person asked for: the panel is busy until it is done and then shows the outcome. `fn` gets
 * the sequence number of this change; a newer look-up or change wins over its answer.
 */
async function change(fn) {
  if (state.busy) return;
  state.busy = true;
  render();
  const my = ++seq;
  try {
    await fn(my);
    state.error = null;
  } catch (e) {
    state.error = errorText(e);
  } finally {
    state.busy = false;
    render();
  }
}

/** A change on the card's contact, after which the card is read again. */
function act(fn, doneText) {
  return change(async (my) => {
    await fn();
    const card = await api.contact(state.card.id);
    if (my === seq) state.card = card;
    if (doneText) toast(doneText);
  });
}

function openOptions() {
  ext.runtime.openOptionsPage();
}

let toastTimer = null;
function toast(text) {
  const t = $('toast');
  t.textContent = text;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.textContent = ''; }, 4000);
}

// ---------------------------------------------------------------------------------------------- rendering

function renderBanner() {
  const b = $('banner');
  if (state.config.revoked) {
    replaceChildren(b, h('strong', { 'data-testid': 'error' }, REVOKED_MESSAGE), ' ',
      h('div', {}, h('button', { type: 'button', class: 'primary', onclick: openOptions }, 'Pair again')));
    b.hidden = false;
  } else {
    b.hidden = true;
    replaceChildren(b);
  }
}

function render() {
  content.setAttribute('aria-busy', String(state.view === 'loading' || state.busy));
  document.body.dataset.view = state.view;
  content.hidden = !!state.entry; // the "add a contact" form takes the panel's room while it is open
  renderAddButton();
  const view = views[state.view] ?? views.error;
  replaceChildren(content, view());
}

const captureLabel = () => (state.busy ? 'Capturing…' : state.card ? 'Update' : 'Capture');
const captureButton = (primary = true, label = captureLabel()) => h('button', {
  type: 'button', class: primary ? 'primary' : '', 'data-testid': 'capture', disabled: state.busy || !!state.config.revoked,
  onclick: capture,
}, label);

const errorNotice = () => (state.error
  ? h('p', { class: `notice ${state.offline ? 'warn' : 'error'}`, role: 'alert', 'data-testid': 'error' }, state.error)
  : null);

function empty(title, text, ...actions) {
  return h('div', { class: 'empty' }, h('h1', {}, title), text ? h('p', {}, text) : null,
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

function pendingForPage() {
  return state.queue.filter((q) => sameIdentity(q.identity));
}

const views = {
  loading: () => h('div', { 'aria-label': 'Looking up' }, h('div', { class: 'skeleton', style: 'width:60%' }),
    h('div', { class: 'skeleton', style: 'width:85%' }), h('div', { class: 'skeleton', style: 'width:40%' })),
  not_paired: () => empty('Connect to your team', 'Pair this browser with your team\'s Seguito server to see and capture contacts.',
    h('button', { type: 'button', class: 'primary', onclick: openOptions }, 'Open options')),
  no_page: () => empty('Nothing to show here', 'Open a LinkedIn profile or company page, or a conversation in Gmail or Outlook, to see the contact.'),
  not_profile: () => empty('This page is not a LinkedIn profile or company page',
    'Open someone\'s profile (linkedin.com/in/…) or a company page (linkedin.com/company/…) to see or capture it.'),
  no_thread: () => empty('No conversation open', 'Open an email conversation to see the person you are writing with.'),
  error: () => (state.error === REVOKED_MESSAGE || state.config.revoked
    ? empty('Signed out', 'This browser can no longer reach your team\'s contacts. Ask your admin for a new pairing code.')
    : h('div', {}, h('p', { class: 'notice error', role: 'alert', 'data-testid': 'error' }, state.error ?? 'Something went wrong.'),
      h('button', { type: 'button', onclick: () => refresh({ force: true }) }, 'Try again'))),
  unknown: () => {
    const id = state.identity ?? {};
    const pending = pendingForPage();
    const who = id.kind === 'linkedin_profile' ? (id.name || id.linkedinUrl) : (counterparts(id)[0]?.name || counterparts(id)[0]?.email || id.subject || 'This conversation');
    return h('div', { 'data-testid': 'unknown' },
      h('div', { class: 'person' }, h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials(who)),
        h('div', {}, h('h1', { 'data-testid': 'page-name' }, who),
          h('p', { class: 'muted' }, state.offline ? 'Your team\'s contacts cannot be checked right now.' : 'Not in your team\'s contacts yet.'))),
      pending.length ? h('div', { class: 'badges' }, pendingBadge(pending[0])) : null,
      errorNotice(),
      h('div', { class: 'actions' }, captureButton()),
      h('p', { class: 'muted', style: 'font-size:12px;margin-top:10px' },
        'Capture sends this page\'s profile or conversation to your team\'s Seguito server.'));
  },
  card: () => renderCard(state.card),
  company: () => renderCompany(state.company, state.identity ?? {}),
};

function pendingBadge(item) {
  const text = item.status === 'failed' ? 'Capture failed' : item.status === 'auth' ? 'Capture waiting for pairing' : 'Capture pending';
  return h('span', { class: `badge ${item.status === 'failed' ? 'failed' : 'pending'}`, 'data-testid': 'page-pending' }, text);
}

function initials(name) {
  const parts = String(name ?? '').replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? parts.at(-1)[0] : '')).toUpperCase();
}

function renderCard(c) {
  const photo = safeUrl(c.photoUrl)?.startsWith('https:') ? c.photoUrl : null; // https only, sent without referrer
  let role = [c.title, c.company].filter(Boolean).join(' at ');
  if (role && c.headline && [c.title, c.company].filter(Boolean).every((x) => c.headline.includes(x))) role = ''; // said already
  const pending = pendingForPage();
  return h('article', { class: 'card', 'data-testid': 'card', 'data-contact-id': c.id, 'aria-labelledby': 'card-name' },
    h('div', { class: 'person' },
      photo
        ? h('img', { class: 'avatar', src: photo, alt: '', referrerpolicy: 'no-referrer', width: 52, height: 52 })
        : h('div', { class: 'avatar', 'aria-hidden': 'true' }, initials(c.displayName)),
      h('div', {},
        h('h1', { id: 'card-name', 'data-testid': 'card-name' }, c.displayName || [c.firstName, c.lastName].filter(Boolean).join(' ') || 'Unnamed contact'),
        c.headline ? h('p', { 'data-testid': 'card-headline' }, c.headline) : null,
        role ? h('p', { class: 'muted' }, role) : null,
        c.location ? h('p', { class: 'muted' }, c.location) : null)),
    h('div', { class: 'badges' },
      h('span', { class: `badge ${state.matchStatus ?? 'known'}`, 'data-testid': 'match-status', 'data-status': state.matchStatus ?? 'known' },
        STATUS_LABEL[state.matchStatus ?? 'known'] ?? state.matchStatus),
      c.relationshipType ? h('span', { class: 'badge' }, c.relationshipType) : null,
      pending.length ? pendingBadge(pending[0]) : null),
    entryStatusLine(c),
    errorNotice(),
    renderNextTouch(c),
    renderDuplicates(c),
    h('div', { class: 'actions' },
      // added by hand: the tab's page is about someone else (or no one), so there is nothing of theirs to capture
      state.entryCard === c.id
        ? h('button', { type: 'button', 'data-testid': 'entry-back', onclick: backToPage }, 'Back to this page')
        : captureButton(false),
      h('button', { type: 'button', 'data-testid': 'log-open', 'aria-expanded': String(state.logOpen), onclick: openLog }, 'Log a touch'),
      h('button', { type: 'button', 'data-testid': 'edit-open', 'aria-expanded': String(state.editOpen), onclick: () => openEdit(c) }, 'Edit')),
    state.logOpen ? renderLogForm(c) : null,
    state.editOpen ? renderEditForm(c) : null,
    renderOthers(),
    renderTimeline(c),
    renderAbout(c),
    renderFacts(c),
    renderPrivacy(c));
}

/**
 * A LinkedIn company page: what the fit score reads of the company (industry, size band), which of it a member set
 * by hand, and the team's contacts who work there. Before the team captured the page, its own name and the button.
 */
function renderCompany(co, id) {
  const name = co?.name || id.name || id.linkedinUrl || 'This company';
  const pending = pendingForPage();
  const status = co ? 'In your team\'s companies.' : state.offline ? 'Your team\'s companies cannot be checked right now.'
    : 'Your team has not captured this company page yet.';
  return h('article', { class: 'card', 'data-testid': co ? 'company-card' : 'company-unknown', 'data-company-id': co?.id ?? null,
    'aria-labelledby': 'company-name' },
    h('div', { class: 'person' }, h('div', { class: 'avatar company', 'aria-hidden': 'true' }, initials(name)),
      h('div', {}, h('h1', { id: 'company-name', 'data-testid': 'company-name' }, name), h('p', { class: 'muted' }, status))),
    pending.length ? h('div', { class: 'badges' }, pendingBadge(pending[0])) : null,
    errorNotice(),
    co ? renderCompanyFacts(co) : null,
    renderCompanyCaptured(),
    co ? renderEmployees(co) : null,
    h('div', { class: 'actions' }, captureButton(!co, state.busy ? 'Capturing…' : 'Capture company')),
    h('p', { class: 'muted', style: 'font-size:12px;margin-top:10px' },
      'Capture sends this company page to your team\'s Seguito server: its industry and size then count for everyone in your team\'s contacts who works there.'));
}

const FACT_LABEL = { industry: 'industry', companySize: 'company size' };

function renderCompanyFacts(co) {
  const byHand = new Set(co.setByHand ?? []);
  // a member's value is the team's own judgement: say so, since a captured page will not change it
  const fact = (key, label, value) => [h('dt', {}, label), h('dd', {},
    value ? h('span', { 'data-testid': `company-${key}` }, value) : h('span', { class: 'muted', 'data-testid': `company-${key}` }, 'not known yet'),
    byHand.has(key) ? h('span', { class: 'badge by-hand', 'data-testid': `company-${key}-by-hand`,
      title: 'A team member set this; a captured page does not change it' }, 'set by hand') : null)];
  const li = safeUrl(co.linkedinUrl);
  return h('section', { class: 'block', 'aria-labelledby': 'company-facts-title' },
    h('h2', { id: 'company-facts-title' }, 'Details'),
    h('dl', { class: 'facts' },
      fact('industry', 'Industry', co.industry),
      fact('companySize', 'Size', sizeText(co.companySize)),
      li ? [h('dt', {}, 'LinkedIn'), h('dd', {}, h('a', { href: li, target: '_blank', rel: 'noopener noreferrer' }, li.replace(/^https:\/\/www\./, '')))] : null));
}

/** What the last capture of this page did: the facts it filled, those it left as a member set them, what it missed. */
function renderCompanyCaptured() {
  const r = state.companyCapture;
  if (!r) return null;
  const names = (keys) => keys.map((k) => FACT_LABEL[k] ?? k).join(' and ');
  return h('div', { class: 'notice ok captured', role: 'status', 'data-testid': 'company-captured' },
    r.changed.length ? h('p', {}, `This capture set the ${names(r.changed)} for everyone who works here.`)
      : r.keptByHand.length ? null : h('p', {}, 'This capture changed nothing: your team had these facts already.'),
    r.keptByHand.length ? h('p', { 'data-testid': 'company-kept-by-hand' },
      `The page gives another ${names(r.keptByHand)}; the one a team member set is kept.`) : null,
    r.warnings.map((w) => h('p', { class: 'muted', 'data-testid': 'company-warning' }, w)));
}

function renderEmployees(co) {
  const people = co.employees ?? [];
  const count = co.employeeCount ?? people.length;
  return h('section', { class: 'block', 'aria-labelledby': 'employees-title', 'data-testid': 'company-employees' },
    h('h2', { id: 'employees-title' }, `Your team's contacts here (${count})`),
    people.length
      ? h('ul', { class: 'employees' }, people.map((e) => h('li', { 'data-testid': 'company-employee', 'data-contact-id': e.id },
        h('span', { class: 'name' }, e.fullName || 'Unnamed contact'), e.title ? h('span', { class: 'muted' }, e.title) : null)))
      : h('p', { class: 'muted' }, 'No one in your team\'s contacts works here yet.'),
    // the server sends the first 20 by name
    count > people.length ? h('p', { class: 'muted' }, `and ${count - people.length} more`) : null);
}

/** Export and erasure (docs/privacy.md): deleting asks first, in the panel, and says what goes. */
function renderPrivacy(c) {
  const name = c.displayName || 'This contact';
  if (state.confirmDelete === c.id) {
    return h('section', { class: 'block confirm', role: 'alertdialog', 'aria-labelledby': 'del-title', 'data-testid': 'delete-confirm' },
      h('h2', { id: 'del-title' }, 'Delete everywhere?'),
      h('p', {}, `${name} goes from your team's contact base for everyone: interactions, captured pages and the CRM record. This cannot be undone.`),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', 'data-testid': 'delete-yes', disabled: state.busy, onclick: () => deleteContact(c) }, 'Delete'),
        h('button', { type: 'button', 'data-testid': 'delete-no', onclick: () => { state.confirmDelete = null; render(); } }, 'Cancel')));
  }
  return h('div', { class: 'actions quiet' },
    h('button', { type: 'button', class: 'link', 'data-testid': 'export-vcard', disabled: state.busy, onclick: () => exportVcard(c) }, 'Export vCard'),
    state.mayErase
      ? h('button', { type: 'button', class: 'link', 'data-testid': 'delete-open', disabled: state.busy,
        onclick: () => { state.confirmDelete = c.id; render(); } }, 'Delete everywhere…')
      : h('span', { class: 'muted', 'data-testid': 'delete-admins-only' }, 'Only your team\'s admins delete contacts everywhere.'));
}

function deleteContact(c) {
  return change(async (my) => {
    try {
      await api.deleteContact(c.id);
    } catch (e) {
      if (e.status === 403) { state.mayErase = false; state.confirmDelete = null; }
      throw e;
    }
    state.confirmDelete = null;
    toast('Deleted everywhere.');
    if (state.entryCard === c.id) backToPage(); // no page is about them: show the tab's own
    else if (my === seq) { state.card = null; state.view = 'unknown'; }
  });
}

async function exportVcard(c) {
  try {
    const text = await api.exportVcard(c.id);
    const url = URL.createObjectURL(new Blob([text], { type: 'text/vcard' }));
    const file = `${String(c.displayName || 'contact').replace(/[^\p{L}\p{N} ._-]/gu, '').trim() || 'contact'}.vcf`;
    const link = h('a', { href: url, download: file, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (e) {
    state.error = errorText(e);
    render();
  }
}

function renderNextTouch(c) {
  const t = c.nextTouch;
  if (!t) {
    return h('section', { class: 'block', 'aria-labelledby': 'nt-title', 'data-testid': 'next-touch', 'data-empty': '' },
      h('h2', { id: 'nt-title' }, 'Next touch'), h('p', { class: 'muted' }, 'Nothing due for this contact.'),
      lastTouchLine(c));
  }
  const due = t.dueAt ? `${relDay(t.dueAt)} (${fmtDate(t.dueAt)})` : null;
  const snoozeId = 'snooze-until';
  const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  return h('section', { class: 'block', 'aria-labelledby': 'nt-title', 'data-testid': 'next-touch' },
    h('h2', { id: 'nt-title' }, 'Next touch'),
    h('div', { class: 'touch' },
      h('p', { class: 'action', 'data-testid': 'next-touch-action' }, t.action ?? 'Get in touch'),
      h('p', { class: 'meta', title: t.rule ? `Rule: ${t.rule}` : null }, [t.channel && t.channel !== 'any' ? `by ${t.channel}` : null, due ? `due ${due}` : null].filter(Boolean).join(' · ')),
      h('p', { class: 'reason', 'data-testid': 'next-touch-reason' }, t.reason ?? ''),
      // The team-wide cap is about colleagues: "you touched them" would only repeat the timeline.
      t.touchedBy && who(touchedByName(t.touchedBy)) !== 'you'
        ? h('p', { class: 'by', 'data-testid': 'touched-by' }, touchedByText(t.touchedBy)) : null),
    h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-testid': 'touch-done', disabled: state.busy, onclick: () => act(() => api.touchDone(c.id), 'Marked as done.') }, 'Done'),
      h('button', { type: 'button', 'data-testid': 'touch-dismiss', disabled: state.busy, onclick: () => act(() => api.touchDismiss(c.id), 'Suggestion dismissed.') }, 'Dismiss'),
      h('span', { class: 'snooze' },
        h('button', { type: 'button', 'data-testid': 'touch-snooze', disabled: state.busy, onclick: () => {
          const until = $(snoozeId).value || inAWeek;
          act(() => api.touchSnooze(c.id, until), `Snoozed until ${fmtDate(until)}.`);
        } }, 'Snooze until'),
        h('label', { for: snoozeId, class: 'sr-only' }, 'Snooze until date'),
        h('input', { id: snoozeId, type: 'date', value: inAWeek, min: tomorrow, 'data-testid': 'snooze-date' }))));
}

/** "Last touch: call by Bruno Bianchi on 24 Nov." — why nothing is due, when a colleague just touched them. */
function lastTouchLine(c) {
  const last = (c.timeline ?? [])[0];
  if (!last) return null;
  const by = last.by ? ` by ${who(last.by)}` : '';
  return h('p', { class: 'muted', 'data-testid': 'last-touch' },
    `Last touch: ${(TYPE_LABEL[last.type] ?? last.type).toLowerCase()}${by} on ${fmtDate(last.occurredAt)}.`);
}

/** "you" for the signed-in member, else the name. */
function who(name) {
  return name && name === state.config.member?.name ? 'you' : name;
}

function touchedByName(by) {
  return typeof by === 'string' ? by : by?.name ?? by?.by ?? null;
}

function touchedByText(by) {
  let name = touchedByName(by);
  const at = typeof by === 'object' && by ? by.at ?? by.occurredAt ?? null : null;
  name = who(name);
  const when = at ? ` on ${fmtDate(at)}` : ' recently';
  if (name === 'you') return `You touched them${when}.`;
  return `${name ?? 'A colleague'} touched them${when} — no need to pile on.`;
}

function renderDuplicates(c) {
  const dups = c.possibleDuplicates ?? [];
  if (!dups.length) return null;
  return h('section', { class: 'block', 'aria-labelledby': 'dup-title', 'data-testid': 'duplicates' },
    h('h2', { id: 'dup-title' }, 'Possible duplicate: merge?'),
    dups.map((d) => h('div', { class: 'dup', 'data-testid': 'duplicate' },
      h('div', {}, h('strong', {}, d.displayName ?? 'Unnamed'), d.company ? h('div', { class: 'muted' }, d.company) : null,
        d.reason ? h('div', { class: 'muted', style: 'font-size:12px' }, d.reason) : null),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'primary', disabled: state.busy, 'aria-label': `Merge ${d.displayName ?? ''} into this contact`,
          onclick: () => act(() => api.confirmDuplicate(c.id, d.id), 'Merged.') }, 'Merge'),
        h('button', { type: 'button', disabled: state.busy, 'aria-label': `${d.displayName ?? ''} is a different person`,
          onclick: () => act(() => api.rejectDuplicate(c.id, d.id), 'Kept as different people.') }, 'Not the same')))));
}

const EDITABLE = [['firstName', 'First name'], ['lastName', 'Last name'], ['title', 'Title'], ['company', 'Company'],
  ['industry', "Company's industry"], ['companySize', 'Company size'],
  ['headline', 'Headline'], ['location', 'Location'], ['about', 'About'], ['tags', 'Tags (comma separated; "quotes" keep a comma)']];
/** LinkedIn's bands, offered as suggestions: the team may label its sizes otherwise (docs/policies.md, "Fit score"). */
const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'];
const RELATIONSHIP_TYPES = ['prospect', 'client', 'partner', 'colleague', 'other'];

function openEdit(c) {
  state.editOpen = !state.editOpen;
  state.editError = null;
  state.editDraft = Object.fromEntries([...EDITABLE.map(([k]) => [k, k === 'tags' ? tagText(c.tags) : c[k] ?? '']),
    ['relationshipType', c.relationshipType ?? 'prospect']]);
  render();
  if (state.editOpen) $('edit-firstName')?.focus();
}

/** A correction by hand (docs/privacy.md, "Correcting a contact"): only what changed is sent. */
function renderEditForm(c) {
  const submit = (e) => {
    e.preventDefault();
    const body = {};
    for (const [k, v] of Object.entries(state.editDraft)) {
      if (k === 'tags') {
        if (tagList(v).join('\n') !== (c.tags ?? []).join('\n')) body.tags = tagList(v);
      } else if ((c[k] ?? '') !== v.trim()) body[k] = v.trim();
    }
    if (!Object.keys(body).length) { state.editOpen = false; render(); return; }
    change(async (my) => {
      let card;
      try {
        card = await api.editContact(c.id, body);
      } catch (err) {
        state.editError = errorText(err); // shown in the form, which stays open with what was typed
        return;
      }
      if (my === seq && state.card?.id === c.id) state.card = card;
      state.editOpen = false;
      state.editError = null;
      toast('Saved.');
    });
  };
  const oninput = (k) => (e) => { state.editDraft[k] = e.currentTarget.value; forgetRefusal('editError', 'edit-error'); };
  const field = ([k, label]) => [h('label', { for: `edit-${k}` }, label), k === 'about'
    ? h('textarea', { id: `edit-${k}`, name: k, rows: 4, oninput: oninput(k) }, state.editDraft[k])
    : h('input', { id: `edit-${k}`, name: k, type: 'text', autocomplete: 'off', value: state.editDraft[k], oninput: oninput(k),
      list: k === 'companySize' ? 'size-bands' : null,
      placeholder: k === 'tags' ? 'trade fair 2026, warm intro' : k === 'industry' ? 'the same for everyone at this company' : null })];
  return h('form', { class: 'log', 'data-testid': 'edit-form', onsubmit: submit, 'aria-label': 'Edit this contact' },
    EDITABLE.map(field),
    h('datalist', { id: 'size-bands' }, SIZE_BANDS.map((b) => h('option', { value: b }))),
    h('label', { for: 'edit-relationshipType' }, 'Relationship'),
    h('select', { id: 'edit-relationshipType', name: 'relationshipType', onchange: (e) => { state.editDraft.relationshipType = e.currentTarget.value; } },
      RELATIONSHIP_TYPES.map((t) => h('option', { value: t, selected: t === state.editDraft.relationshipType }, t))),
    state.editError ? h('p', { class: 'notice error', role: 'alert', 'data-testid': 'edit-error' }, state.editError) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', disabled: state.busy, 'data-testid': 'edit-save' }, 'Save'),
      h('button', { type: 'button', 'data-testid': 'edit-cancel', onclick: () => { state.editOpen = false; render(); } }, 'Cancel')));
}

function openLog() {
  state.logOpen = !state.logOpen;
  if (state.logOpen) {
    state.logDraft = { type: 'call', direction: 'outbound', when: localInputValue(new Date()), note: '' };
    state.logKey = new SubmitKey(); // kept across retries of this submit: a lost answer never logs the touch twice
  }
  render();
  if (state.logOpen) $('log-type')?.focus();
}

function renderLogForm(c) {
  const d = state.logDraft;
  const submit = (e) => {
    e.preventDefault();
    const when = fromLocalInput(d.when) ?? new Date();
    const body = { type: d.type, direction: d.direction, occurredAt: when.toISOString(), note: d.note.trim() || null };
    const key = state.logKey;
    act(async () => { await key.send((k) => api.logInteraction(c.id, body, k)); state.logOpen = false; }, `${TYPE_LABEL[d.type]} logged.`);
  };
  const onType = (e) => {
    d.type = e.currentTarget.value;
    const dir = e.currentTarget.form.elements.direction;
    if (d.type === 'referral_received') dir.value = 'inbound';
    else if (d.type === 'referral_given') dir.value = 'outbound';
    d.direction = dir.value;
  };
  const oninput = (k) => (e) => { d[k] = e.currentTarget.value; };
  return h('form', { class: 'log', 'data-testid': 'log-form', onsubmit: submit, 'aria-label': 'Log a touch' },
    h('div', { class: 'row' },
      h('div', {}, h('label', { for: 'log-type' }, 'Type'),
        h('select', { id: 'log-type', name: 'type', onchange: onType },
          ['call', 'meeting', 'note', 'referral_given', 'referral_received'].map((t) => h('option', { value: t, selected: t === d.type }, TYPE_LABEL[t])))),
      h('div', {}, h('label', { for: 'log-direction' }, 'Direction'),
        h('select', { id: 'log-direction', name: 'direction', onchange: oninput('direction') },
          h('option', { value: 'outbound', selected: d.direction === 'outbound' }, 'I reached out'),
          h('option', { value: 'inbound', selected: d.direction === 'inbound' }, 'They reached out')))),
    h('label', { for: 'log-when' }, 'When'),
    h('input', { id: 'log-when', name: 'when', type: 'datetime-local', value: d.when, oninput: oninput('when') }),
    h('label', { for: 'log-note' }, 'Note'),
    h('textarea', { id: 'log-note', name: 'note', rows: 3, placeholder: 'What was it about? (optional)', oninput: oninput('note') }, d.note),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', disabled: state.busy, 'data-testid': 'log-save' }, 'Save'),
      h('button', { type: 'button', onclick: () => { state.logOpen = false; render(); } }, 'Cancel')));
}

function renderOthers() {
  if (!state.others.length) return null;
  return h('section', { class: 'block', 'aria-labelledby': 'others-title' },
    h('h2', { id: 'others-title' }, 'Also in this conversation'),
    h('div', { class: 'others' }, state.others.map((o) => h('button', { type: 'button', class: 'link',
      onclick: () => { state.card = o; state.matchStatus = null; render(); } }, o.displayName ?? o.emails?.[0]?.address ?? 'Unnamed'))));
}

/** The person's own summary (LinkedIn's About), as text: three lines, all of it on request. */
function renderAbout(c) {
  if (!c.about) return null;
  const open = state.aboutOpen === c.id;
  return h('section', { class: 'block', 'aria-labelledby': 'about-title', 'data-testid': 'about' },
    h('h2', { id: 'about-title' }, 'About'),
    h('p', { class: open ? 'about' : 'about clamped', 'data-testid': 'about-text' }, c.about),
    c.about.length > 160 || c.about.includes('\n')
      ? h('button', { type: 'button', class: 'link', 'aria-expanded': String(open), 'data-testid': 'about-toggle',
        onclick: () => { state.aboutOpen = open ? null : c.id; render(); } }, open ? 'Show less' : 'Show all')
      : null);
}

function renderTimeline(c) {
  const items = c.timeline ?? [];
  return h('section', { class: 'block', 'aria-labelledby': 'tl-title', 'data-testid': 'timeline' },
    h('h2', { id: 'tl-title' }, 'Recent'),
    items.length
      ? h('ol', { class: 'timeline' }, items.map((i) => h('li', { 'data-testid': 'timeline-item', 'data-type': i.type },
        h('span', { class: 'icon', 'aria-hidden': 'true' }, TYPE_ICON[i.type] ?? '•'),
        h('div', {},
          h('div', { class: 'what' }, `${TYPE_LABEL[i.type] ?? i.type}${i.direction ? (i.direction === 'inbound' ? ' · from them' : ' · from us') : ''}`),
          i.subject ? h('div', { class: 'subject' }, i.subject) : null,
          i.note ? h('div', { class: 'note', 'data-testid': 'timeline-note' }, i.note) : null,
          h('div', { class: 'when' }, [fmtDate(i.occurredAt, true), i.by ? `by ${who(i.by)}` : null].filter(Boolean).join(' · '))))))
      : h('p', { class: 'muted' }, 'No interactions yet.'));
}

function renderFacts(c) {
  const rows = [];
  const emails = (c.emails ?? []).map((e) => removable(c, 'email', e.address, e.valid === false ? `${e.address} (bounced)` : e.address));
  if (emails.length) rows.push(['Email', emails]);
  const phones = (c.phones ?? []).map((p) => removable(c, 'phone', p, p));
  if (phones.length) rows.push(['Phone', phones]);
  const company = [c.industry, sizeText(c.companySize)].filter(Boolean).join(' · ');
  if (company) rows.push(['Company', h('span', { 'data-testid': 'company-facts' }, company)]);
  if (c.tags?.length) rows.push(['Tags', h('span', { class: 'tags', 'data-testid': 'tags' }, c.tags.map((t) => h('span', { class: 'tag' }, t)))]);
  if (c.fitScore != null) rows.push(['Fit', h('span', { 'data-testid': 'fit-score', title: 'How well this prospect matches the team\'s ideal profile' }, `${Math.round(c.fitScore * 100)}%`)]);
  const li = safeUrl(c.linkedinUrl);
  if (li) rows.push(['LinkedIn', h('a', { href: li, target: '_blank', rel: 'noopener noreferrer' }, li.replace(/^https:\/\/www\./, ''))]);
  const web = safeUrl(c.website);
  if (web) rows.push(['Website', removable(c, 'website', c.website, h('a', { href: web, target: '_blank', rel: 'noopener noreferrer' }, web))]);
  for (const s of (c.sources ?? []).slice(0, 4)) {
    rows.push(['Source', [SOURCE_LABEL[s.source] ?? s.source, s.by ? `by ${who(s.by)}` : null, s.capturedAt ? fmtDate(s.capturedAt) : null].filter(Boolean).join(' · ')]);
  }
  return h('section', { class: 'block', 'aria-labelledby': 'facts-title' },
    h('h2', { id: 'facts-title' }, 'Details'),
    rows.length ? h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])) : null,
    renderRemoveConfirm(c),
    state.addressOpen ? renderAddressForm(c)
      : h('div', { class: 'actions quiet' }, h('button', { type: 'button', class: 'link', 'data-testid': 'address-add-open', disabled: state.busy,
        onclick: () => { state.addressOpen = true; state.addressError = null; render(); $('address-value')?.focus(); } }, '+ Add an email, phone or website')));
}

/** "51-200" reads as a band of employees; a team's own label ("SME", "200+ staff") is shown as written. */
function sizeText(size) {
  return size && /^[\d\s.,+–-]+$/.test(size) ? `${size} employees` : size || null;
}

/** An address typed by hand, or one removed by mistake put back. */
function renderAddressForm(c) {
  const submit = (e) => {
    e.preventDefault();
    const f = e.currentTarget;
    const value = f.elements.value.value.trim();
    if (value) addAddress(c, f.elements.kind.value, value);
  };
  return h('form', { class: 'log', 'data-testid': 'address-form', onsubmit: submit, 'aria-label': 'Add an address' },
    h('label', { for: 'address-kind' }, 'Kind'),
    // the draft lives in the state: the panel re-renders while the server answers, and a refused value stays to fix
    h('select', { id: 'address-kind', name: 'kind', onchange: (e) => { state.addressDraft.kind = e.currentTarget.value; forgetRefusal('addressError', 'address-error'); } },
      Object.entries({ email: 'Email', phone: 'Phone', website: 'Website' })
        .map(([k, label]) => h('option', { value: k, selected: k === state.addressDraft.kind }, label))),
    h('label', { for: 'address-value' }, 'Address'),
    h('input', { id: 'address-value', name: 'value', type: 'text', autocomplete: 'off', required: true, value: state.addressDraft.value,
      oninput: (e) => { state.addressDraft.value = e.currentTarget.value; forgetRefusal('addressError', 'address-error'); },
      placeholder: 'name@example.com · +39 02 1234 5678 · example.com' }),
    state.addressError ? h('p', { class: 'notice error', role: 'alert', 'data-testid': 'address-error' }, state.addressError) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', disabled: state.busy, 'data-testid': 'address-save' }, 'Add'),
      h('button', { type: 'button', onclick: () => { state.addressOpen = false; state.addressError = null; render(); } }, 'Cancel')));
}

/** A refusal is about what was sent: once the person edits the form, it goes (without re-rendering the form). */
function forgetRefusal(key, testid) {
  if (!state[key]) return;
  state[key] = null;
  document.querySelector(`[data-testid="${testid}"]`)?.remove();
}

function addAddress(c, kind, value) {
  return change(async (my) => {
    let card;
    try {
      card = await api.addAddress(c.id, kind, value);
    } catch (e) {
      state.addressError = errorText(e); // said next to the form, which stays open to fix the value
      return;
    }
    if (my === seq && state.card?.id === c.id) state.card = card;
    state.addressOpen = false;
    state.addressError = null;
    state.addressDraft = { kind: 'email', value: '' };
    toast('Added.');
  });
}

const ADDRESS_LABEL = { email: 'email address', phone: 'phone number', website: 'website' };

/** An address with its "×": removing asks first (docs/privacy.md, "Correcting a contact"). */
function removable(c, kind, value, shown) {
  return h('span', { class: 'address', 'data-testid': 'address', 'data-kind': kind },
    shown,
    h('button', { type: 'button', class: 'link remove', 'data-testid': 'remove-address', disabled: state.busy,
      'aria-label': `Remove ${value} from this contact`, title: 'Remove: wrong, or no longer theirs',
      onclick: () => { state.confirmRemove = { contactId: c.id, kind, value }; render(); } }, '×'));
}

function renderRemoveConfirm(c) {
  const r = state.confirmRemove;
  if (!r || r.contactId !== c.id) return null;
  const name = c.displayName || 'this contact';
  return h('div', { class: 'block confirm', role: 'alertdialog', 'aria-labelledby': 'remove-title', 'data-testid': 'remove-confirm' },
    h('h2', { id: 'remove-title' }, `Remove this ${ADDRESS_LABEL[r.kind]}?`),
    h('p', { class: 'address-value' }, r.value),
    h('p', {}, `It goes from ${name}'s card and the CRM record for everyone in your team, and later captures will not add it back.`),
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'danger', 'data-testid': 'remove-yes', disabled: state.busy, onclick: () => removeAddress(c, r) }, 'Remove'),
      h('button', { type: 'button', 'data-testid': 'remove-no', onclick: () => { state.confirmRemove = null; render(); } }, 'Cancel')));
}

function removeAddress(c, r) {
  return change(async (my) => {
    const card = await api.removeAddress(c.id, r.kind, r.value);
    if (my === seq && state.card?.id === c.id) state.card = card;
    state.confirmRemove = null;
    toast('Removed.');
  });
}

// ------------------------------------------------------------------------------------- a contact by hand

// Not through the offline queue: the person is at the form and waits for the answer (the card, a refusal to fix).
// What they typed stays in the form until the server took it; every retry carries the key made when it opened.

function renderAddButton() {
  const b = $('add-contact');
  const { serverUrl, token, revoked } = state.config;
  b.hidden = !serverUrl || !token || !!revoked;
  b.setAttribute('aria-expanded', String(!!state.entry));
}

function openEntry() {
  state.entry ??= {
    draft: {
      fullName: '', email: '', phone: '', region: '', company: '', title: '', linkedinUrl: '', tags: '',
      relationshipType: 'prospect', met: false, metAt: localInputValue(new Date()), metAtTyped: false, where: '',
    },
    key: new SubmitKey(), busy: false, error: null,
  };
  renderEntry();
  render();
  $('entry-fullName')?.focus();
}

function closeEntry() {
  state.entry = null;
  renderEntry();
  render();
  $('add-contact').focus();
}

/** The form is drawn only when its own state changes: a card or queue update meanwhile keeps the focus and caret. */
function renderEntry() {
  const el = $('entry');
  el.hidden = !state.entry;
  replaceChildren(el, state.entry ? entryForm(state.entry) : null);
}

function entryForm(e) {
  const d = e.draft;
  const oninput = (k) => (ev) => { d[k] = ev.currentTarget.value; if (k === 'metAt') d.metAtTyped = true; forgetEntryError(); };
  const field = (k, label, attrs = {}) => [h('label', { for: `entry-${k}` }, label),
    h('input', { id: `entry-${k}`, name: k, type: 'text', autocomplete: 'off', value: d[k], oninput: oninput(k), ...attrs })];
  const onMet = (ev) => {
    d.met = ev.currentTarget.checked;
    if (d.met && !d.metAtTyped) d.metAt = localInputValue(new Date()); // "now" is when they say so, not when the form opened
    for (const id of ['entry-metAt', 'entry-where']) $(id).disabled = !d.met;
    $('entry-metAt').value = d.metAt;
    forgetEntryError();
  };
  return h('form', { class: 'log entry-form', 'data-testid': 'entry-form', onsubmit: submitEntry, 'aria-labelledby': 'entry-heading' },
    h('h2', { id: 'entry-heading' }, 'Add a contact'),
    h('p', { class: 'muted' }, 'From a business card or a conversation: only the name is needed.'),
    field('fullName', 'Name', { required: true, maxlength: 200 }),
    field('email', 'Email', { inputmode: 'email', placeholder: 'name@example.com' }),
    h('div', { class: 'row phone' },
      h('div', {}, field('phone', 'Phone', { type: 'tel', placeholder: '+39 02 1234 5678' })),
      h('div', {}, field('region', 'Country', { maxlength: 2, placeholder: 'IT', title: 'Two letters; needed for a number without its +country code' }))),
    field('company', 'Company', { maxlength: 200 }),
    field('title', 'Title', { maxlength: 200 }),
    field('linkedinUrl', 'LinkedIn URL', { inputmode: 'url', placeholder: 'https://www.linkedin.com/in/…' }),
    field('tags', 'Tags (comma separated; "quotes" keep a comma)', { placeholder: 'Web Summit 2026, warm intro' }),
    h('label', { for: 'entry-relationshipType' }, 'Relationship'),
    h('select', { id: 'entry-relationshipType', name: 'relationshipType', onchange: oninput('relationshipType') },
      RELATIONSHIP_TYPES.map((t) => h('option', { value: t, selected: t === d.relationshipType }, t))),
    h('fieldset', { class: 'met' },
      h('legend', {}, h('label', { for: 'entry-met', class: 'check' },
        h('input', { id: 'entry-met', name: 'met', type: 'checkbox', checked: d.met, onchange: onMet }), 'We met')),
      h('div', { class: 'row' },
        h('div', {}, h('label', { for: 'entry-metAt' }, 'When'),
          h('input', { id: 'entry-metAt', name: 'metAt', type: 'datetime-local', value: d.metAt, disabled: !d.met, oninput: oninput('metAt') })),
        h('div', {}, field('where', 'Where', { disabled: !d.met, placeholder: 'Web Summit, Lisbon', maxlength: 200 }))),
      h('p', { class: 'muted hint' }, 'Logs the meeting: your team\'s follow-up starts from it.')),
    e.error ? h('p', { class: 'notice error', role: 'alert', 'data-testid': 'entry-error' }, e.error) : null,
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary', disabled: e.busy, 'data-testid': 'entry-save' }, e.busy ? 'Adding…' : 'Add'),
      h('button', { type: 'button', 'data-testid': 'entry-cancel', onclick: closeEntry }, 'Cancel')));
}

/** A refusal is about what was sent: once the person edits the form, it goes (the form is not drawn again). */
function forgetEntryError() {
  if (!state.entry?.error) return;
  state.entry.error = null;
  document.querySelector('[data-testid="entry-error"]')?.remove();
}

async function submitEntry(ev) {
  ev.preventDefault();
  const e = state.entry;
  if (!e || e.busy) return; // a second click while the first is on its way
  if (!e.draft.fullName.trim()) {
    e.error = 'Enter the person\'s name.';
    renderEntry();
    $('entry-fullName')?.focus();
    return;
  }
  e.busy = true;
  e.error = null;
  renderEntry();
  try {
    const answer = await e.key.send((key) => api.addContact(contactBody(e.draft, key)));
    showEntryResult(e, answer);
  } catch (err) {
    e.error = entryErrorText(err); // the form stays filled; Add again sends the same key (a new one after 409/410)
  } finally {
    e.busy = false;
    renderEntry();
  }
}

/** The contact the form gave, shown as a capture's card is, with one line on what the server made of it. */
function showEntryResult(e, answer) {
  const text = ENTRY_STATUS[answer?.status] ?? 'Saved';
  const c = answer?.contact;
  if (state.entry !== e || !c) { toast(`${text}.`); return; } // cancelled while it was on its way
  state.entry = null;
  ++seq; // a look-up under way answers for the page, not for this card
  state.card = c;
  state.entryCard = c.id;
  state.entryResult = { contactId: c.id, status: answer.status, text };
  state.matchStatus = answer.status ?? null;
  state.lookupKey = c.emails?.[0]?.address ? { email: c.emails[0].address } : c.linkedinUrl ? { linkedinUrl: c.linkedinUrl } : null;
  state.others = [];
  state.view = 'card';
  state.error = null;
  state.offline = false;
  state.logOpen = false; state.editOpen = false; state.addressOpen = false; state.confirmDelete = null; state.confirmRemove = null;
  render();
}

function entryStatusLine(c) {
  const r = state.entryResult;
  if (!r || r.contactId !== c.id) return null;
  return h('p', { class: `notice ${r.status === 'possible_duplicate' ? 'warn' : 'ok'}`, role: 'status', 'data-testid': 'entry-status',
    'data-status': r.status }, r.text);
}

function renderQueue() {
  const section = $('queue');
  const list = $('queue-list');
  section.hidden = state.queue.length === 0;
  replaceChildren(list, state.queue.map((q) => {
    const label = q.status === 'failed' ? 'Failed' : q.status === 'auth' ? 'Waiting for pairing' : 'Pending';
    const where = q.identity?.linkedinUrl?.replace(/^https:\/\/www\./, '') ?? q.identity?.subject ?? q.pageUrl;
    let msg;
    if (q.status === 'pending') {
      const secs = Math.max(0, Math.round((q.nextAttemptAt - Date.now()) / 1000));
      msg = q.attempts ? `${q.lastError?.message ?? 'Not sent yet.'} Next try in about ${secs} s.` : 'Sending…';
    } else {
      msg = q.lastError?.message ?? '';
    }
    return h('li', { 'data-testid': 'queue-item', 'data-status': q.status, 'data-id': q.id },
      h('div', { class: 'q-title' },
        h('span', { class: `badge ${q.status === 'failed' ? 'failed' : 'pending'}` }, label),
        h('span', {}, `${SOURCE_LABEL[q.source] ?? q.source}: ${where}`)),
      h('div', { class: 'q-msg' }, msg),
      h('div', { class: 'actions', style: 'margin-top:4px' },
        q.status === 'pending' ? h('button', { type: 'button', onclick: () => sendRuntime({ type: 'seguito:flush' }) }, 'Retry now') : null,
        q.status !== 'pending' ? h('button', { type: 'button', onclick: () => sendRuntime({ type: 'seguito:discard', id: q.id }) }, 'Discard') : null));
  }));
}

// Keep "next try in N s" honest while something waits.
setInterval(() => { if (state.queue.some((q) => q.status === 'pending')) renderQueue(); }, 5000);

init().catch((e) => { state.view = 'error'; state.error = String(e?.message ?? e); render(); });
