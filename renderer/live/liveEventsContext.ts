import { createContext } from 'react';
import type { LiveTopic } from '../../shared/schemas/live';

export type LiveEvents = {
  /** Calls `handler` on every `topic` event (and after a reconnect); returns the unsubscribe. */
  subscribe: (topic: LiveTopic, handler: () => void) => () => void;
};

export const LiveEventsContext = createContext<LiveEvents | null>(null);
