import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { LiveTopic } from '../../shared/schemas/live';
import { LiveEventsContext, type LiveEvents } from './liveEventsContext';
import { openLiveStream } from './openLiveStream';

/** One event stream for the signed-in app, shared by every component that listens (useLiveEvent). */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const handlers = useRef(new Map<LiveTopic, Set<() => void>>());
  useEffect(() => openLiveStream((topic) => handlers.current.get(topic)?.forEach((handler) => handler())), []);
  const live = useMemo<LiveEvents>(
    () => ({
      subscribe: (topic, handler) => {
        const forTopic = handlers.current.get(topic) ?? new Set();
        handlers.current.set(topic, forTopic);
        forTopic.add(handler);
        return () => forTopic.delete(handler);
      },
    }),
    [],
  );
  return <LiveEventsContext.Provider value={live}>{children}</LiveEventsContext.Provider>;
}
