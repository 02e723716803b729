// Server-Sent Events over fetch (EventSource cannot send an Authorization header).

/** Incremental parser for the text/event-stream format. push(chunk) may be called with any split of the stream. */
export function createSseParser(onEvent) {
  let buffer = '';
  let data = [];
  let event = '';
  let lastId = null;
  let retry = null;
  const dispatch = () => {
    if (data.length) onEvent({ event: event || 'message', data: data.join('\n'), id: lastId });
    data = []; event = '';
  };
  const line = (l) => {
    if (l === '') return dispatch();
    if (l.startsWith(':')) return; // comment / keep-alive
    const i = l.indexOf(':');
    const field = i < 0 ? l : l.slice(0, i);
    let value = i < 0 ? '' : l.slice(i + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
  };
  return {
    push(chunk) {
      buffer += chunk;
      let m;
      // lines end in \r\n, \n or \r (a trailing \r may still be followed by \n in the next chunk)
      while ((m = /\r\n|\n|\r(?=[^\n])/.exec(buffer))) {
        line(buffer.slice(0, m.index));
        buffer = buffer.slice(m.index + m[0].length);
      }
    },
    get lastId() { return lastId; },
    get retry() { return retry; },
  };
}

/**
 * Keeps one event stream open; reconnects with exponential back-off (1 s doubling to 30 s, reset after a good
 * connection). onEvent({event, data, id}); onState('connecting'|'open'|'retrying'|'unauthorized'|'stopped', info).
 */
export function connectEvents({ url, token, onEvent, onState = () => {}, minDelay = 1000, maxDelay = 30_000 }) {
  let stopped = false;
  let controller = null;
  let delay = minDelay;
  let timer = null;

  const run = async () => {
    if (stopped) return;
    controller = new AbortController();
    onState('connecting');
    try {
      // Only CORS-safelisted headers besides Authorization (the server's CORS list has no Last-Event-ID;
      // the contract has no replay either: after a reconnect the panel simply re-reads its card).
      const headers = { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' };
      const res = await fetch(url, { headers, signal: controller.signal, cache: 'no-store' });
      if (res.status === 401) { onState('unauthorized'); stopped = true; return; }
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      onState('open');
      delay = minDelay;
      const parser = createSseParser(onEvent);
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
      if (parser.retry) delay = Math.max(minDelay, parser.retry);
    } catch (e) {
      if (stopped) return;
    }
    if (stopped) return;
    onState('retrying', { inMs: delay });
    timer = setTimeout(run, delay);
    delay = Math.min(maxDelay, delay * 2);
  };
  run();
  return {
    stop() { stopped = true; clearTimeout(timer); controller?.abort(); onState('stopped'); },
    /** Try now (e.g. the browser came back online). */
    kick() { if (!stopped && timer) { clearTimeout(timer); timer = null; delay = minDelay; run(); } },
  };
}
