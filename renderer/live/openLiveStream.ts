import { liveTopics, type LiveTopic } from '../../shared/schemas/live';
import { ApiError } from '../api/ApiError';
import { liveApi } from '../api/liveApi';

const firstRetryMs = 1000;
const maxRetryMs = 30_000;

/**
 * Keeps one event stream open: a fresh ticket for every connection (EventSource's own retry would
 * reuse the spent one), exponential backoff after errors. Every topic fires once when a connection
 * is ready, the first one included: whatever the page loaded before the stream listened (or while
 * it was down) may be stale. Stops on 401 (the app signs out) or close.
 */
export function openLiveStream(onTopic: (topic: LiveTopic) => void): () => void {
  let closed = false;
  let source: EventSource | null = null;
  let retryTimer: number | undefined;
  let failures = 0;

  const retry = () => {
    delete document.documentElement.dataset.live;
    source?.close();
    source = null;
    if (closed) return;
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** failures);
    failures += 1;
    retryTimer = window.setTimeout(() => void connect(), delay);
  };

  const connect = async () => {
    let ticket: string;
    try {
      ticket = (await liveApi.ticket()).ticket;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) retry();
      return;
    }
    if (closed) return;
    const opened = new EventSource(liveApi.streamUrl(ticket));
    source = opened;
    opened.addEventListener('ready', () => {
      failures = 0;
      // Says on the page that changes now arrive live (end-to-end tests wait for it).
      document.documentElement.dataset.live = 'connected';
      liveTopics.forEach(onTopic);
    });
    for (const topic of liveTopics) opened.addEventListener(topic, () => onTopic(topic));
    // `end`: the session ended; asking for the next ticket answers 401 and the app signs out.
    opened.addEventListener('end', retry);
    opened.addEventListener('error', retry);
  };

  void connect();
  return () => {
    closed = true;
    window.clearTimeout(retryTimer);
    source?.close();
  };
}
