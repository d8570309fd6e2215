import type { Static } from 'typebox';
import type { EventTicket } from '../../shared/schemas/live';
import { http } from './http';

/** The event stream's door: a single-use ticket, so the bearer token never goes into a URL. */
export const liveApi = {
  ticket: () => http.post<Static<typeof EventTicket>>('/api/events/ticket'),
  streamUrl: (ticket: string) => `/api/events?ticket=${encodeURIComponent(ticket)}`,
};
