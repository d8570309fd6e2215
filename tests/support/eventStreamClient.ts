/** One open `GET /api/events` stream, read the way an EventSource would. */
export type EventStreamClient = {
  /** Every event's name so far, in order (`ready` first). */
  events: string[];
  /** Heartbeat comment lines so far. */
  heartbeats: () => number;
  /** Resolves on the next `topic` event arriving after this call; rejects after `timeoutMs`. */
  next: (topic: string, timeoutMs?: number) => Promise<void>;
  /** Resolves when the server ends the stream (it ends them all when it shuts down). */
  ended: Promise<void>;
};

/**
 * Opens `url` (`…/api/events?ticket=…`): the status when it is refused, else a client that has
 * seen `ready` (the server is listening: any commit after this reaches it).
 */
export async function openEventStream(url: string): Promise<{ status: number; stream?: EventStreamClient }> {
  const response = await fetch(url, { headers: { accept: 'text/event-stream' } });
  if (response.status !== 200 || !response.body) {
    await response.text();
    return { status: response.status };
  }
  const events: string[] = [];
  let heartbeats = 0;
  const waiters: { topic: string; resolve: () => void }[] = [];
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readyResolve = resolve));
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();

  const dispatch = (block: string) => {
    if (block.startsWith(':')) heartbeats += 1;
    const name = /^event: (.+)$/m.exec(block)?.[1];
    if (!name) return;
    events.push(name);
    if (name === 'ready') readyResolve();
    for (const waiter of waiters.filter((candidate) => candidate.topic === name)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  const ended = (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        dispatch(buffer.slice(0, end));
        buffer = buffer.slice(end + 2);
      }
    }
  })().catch(() => undefined); // a reset connection ends the stream too

  await ready;
  const next = (topic: string, timeoutMs = 2000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${topic} event within ${timeoutMs} ms (got ${events.join(', ')})`)), timeoutMs);
      waiters.push({ topic, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  return { status: 200, stream: { events, heartbeats: () => heartbeats, next, ended } };
}
