// A contact typed in by hand (a business card, someone met at an event): the request body built from the form,
// and the idempotency key that makes a retried submit add the person, and the meeting, only once.
import { tagList } from './tags.js';

/** One form's idempotency key: the same on every retry of its submit, a new one once the server took it. */
export class SubmitKey {
  constructor(make = () => crypto.randomUUID()) {
    this.make = make;
    this.value = make();
  }

  /**
   * Runs `send(key)`. A failure keeps the key, so a retry after a lost answer is recognised by the server; a 409
   * (the key went with other content) or a 410 (what it added was erased since) can never succeed with it again.
   */
  async send(send) {
    try {
      const answer = await send(this.value);
      this.renew();
      return answer;
    } catch (e) {
      if (e?.status === 409 || e?.status === 410) this.renew();
      throw e;
    }
  }

  renew() {
    this.value = this.make();
  }
}

/** `2026-12-07T10:30:00+01:00`: the instant as the browser's clock reads it, with its offset (DST included). */
export function withOffset(date) {
  const east = -date.getTimezoneOffset(); // minutes east of UTC at that instant
  const local = new Date(date.getTime() + east * 60_000).toISOString().slice(0, 19);
  const abs = Math.abs(east);
  const two = (n) => String(n).padStart(2, '0');
  return `${local}${east < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** The value a datetime-local input shows for `date`, to the minute. */
export function localInputValue(date) {
  return withOffset(date).slice(0, 16);
}

/** A datetime-local value (local wall-clock time, no offset) as a Date, or null when empty or unreadable. */
export function fromLocalInput(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(String(value ?? ''));
  if (!m) return null;
  const [, y, mo, d, hh, mi, ss] = m.map(Number);
  const date = new Date(y, mo - 1, d, hh, mi, ss || 0);
  return Number.isNaN(date.getTime()) ? null : date;
}

const TEXT_FIELDS = ['fullName', 'email', 'phone', 'region', 'company', 'title', 'linkedinUrl', 'website'];

/**
 * The body of POST /api/v1/contacts from the form's values (strings, `met` a boolean): trimmed, empty fields left
 * out, tags split as the Edit form splits them, the meeting time with the browser's offset (now when left empty).
 */
export function contactBody(draft, idempotencyKey, now = new Date()) {
  const body = {};
  for (const k of TEXT_FIELDS) {
    const v = String(draft[k] ?? '').trim();
    if (v) body[k] = k === 'region' ? v.toUpperCase() : v;
  }
  if (draft.relationshipType) body.relationshipType = draft.relationshipType;
  const tags = tagList(String(draft.tags ?? ''));
  if (tags.length) body.tags = tags;
  if (draft.met) {
    const where = String(draft.where ?? '').trim();
    body.met = { at: withOffset(fromLocalInput(draft.metAt) ?? now), ...(where ? { where } : {}) };
  }
  body.idempotencyKey = idempotencyKey;
  return body;
}

/** The one line said above the card the form gave. */
export const ENTRY_STATUS = {
  new: 'Added to your team\'s contacts',
  matched: 'Already in your team\'s contacts — details added where missing',
  updated: 'Already in your team\'s contacts — details added where missing',
  possible_duplicate: 'Possible duplicate of someone with the same name at the same company',
};

/** What the form says when the server did not take it; `err` is an ApiError. What was typed always stays. */
export function entryErrorText(err) {
  const status = err?.status;
  if (status === 400) return err.serverMessage || err.message;
  if (status === 409) {
    return 'This form was sent before with other details (perhaps just before the connection dropped). '
      + 'Check whether the person is in your team\'s contacts; Add sends what is typed now as a new entry.';
  }
  if (status === 410) return 'The contact this form added has been deleted since. Add again to add them anew.';
  if (status === 0 && err.code === 'network') return `${err.message} What you typed is kept: add again when it is back.`;
  if (status >= 500) return `The Seguito server had a problem (${status}). What you typed is kept: try again.`;
  return String(err?.message ?? err);
}
