import type { LiveTopic } from '../../shared/schemas/live';

/** The Postgres channel the triggers of migration 0012 notify on. */
export const liveChannel = 'crm_live';

/** A change announced by Postgres; `notifications` without `userIds` concerns everyone. */
export type LiveEvent = { topic: LiveTopic; userIds?: number[] };

/** The event in a notification's payload, or null for anything this server does not know. */
export function parseLiveEvent(payload: string | undefined): LiveEvent | null {
  try {
    const value: unknown = JSON.parse(payload ?? '');
    if (typeof value !== 'object' || value === null || !('topic' in value)) return null;
    if (value.topic === 'customers') return { topic: 'customers' };
    if (value.topic === 'opportunities') return { topic: 'opportunities' };
    if (value.topic !== 'notifications') return null;
    const userIds = 'userIds' in value && Array.isArray(value.userIds) ? value.userIds.filter((id): id is number => Number.isInteger(id)) : undefined;
    return userIds ? { topic: 'notifications', userIds } : { topic: 'notifications' };
  } catch {
    return null;
  }
}
