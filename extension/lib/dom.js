// Tiny DOM builder. Text is always set as text nodes — captured data never goes through innerHTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function replaceChildren(el, ...children) {
  clear(el);
  append(el, children);
  return el;
}

/** Only http(s) URLs may become link targets or image sources. */
export function safeUrl(u) {
  try {
    const url = new URL(String(u));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch { return null; }
}

const dateFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
export function fmtDate(s, withTime = false) {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return '';
  return (withTime ? dateTimeFmt : dateFmt).format(d);
}

/** "today", "in 3 days", "2 weeks ago", "over a year ago": days up to two weeks, then coarser, as people say it. */
export function relDay(s, now = new Date()) {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) return '';
  const days = Math.round((new Date(d).setHours(0, 0, 0, 0) - new Date(now).setHours(0, 0, 0, 0)) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const n = Math.abs(days);
  const span = n < 14 ? `${n} days` : n < 60 ? `${Math.round(n / 7)} weeks` : n < 365 ? `${Math.round(n / 30.4)} months`
    : n < 730 ? 'over a year' : `${Math.floor(n / 365)} years`;
  return days > 0 ? `in ${span}` : `${span} ago`;
}
