import { useContext, useEffect, useRef } from 'react';
import type { LiveTopic } from '../../shared/schemas/live';
import { LiveEventsContext } from './liveEventsContext';

/**
 * Runs `handler` when `topic` is announced (someone, anywhere, changed it). With `throttleMs`, at
 * most once per that time: the first event at once, a burst after it once at the end.
 */
export function useLiveEvent(topic: LiveTopic, handler: () => void, throttleMs = 0): void {
  const live = useContext(LiveEventsContext);
  if (!live) throw new Error('useLiveEvent must be used inside <LiveEventsProvider>');
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    let lastRun = 0;
    let pending: number | undefined;
    const run = () => {
      pending = undefined;
      lastRun = Date.now();
      latest.current();
    };
    const unsubscribe = live.subscribe(topic, () => {
      if (pending !== undefined) return;
      const wait = lastRun + throttleMs - Date.now();
      if (wait <= 0) run();
      else pending = window.setTimeout(run, wait);
    });
    return () => {
      unsubscribe();
      window.clearTimeout(pending);
    };
  }, [live, topic, throttleMs]);
}
