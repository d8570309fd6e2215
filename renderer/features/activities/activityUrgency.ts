import type { Activity } from '../../../shared/schemas/records';

/** Where an activity stands against today (Vietnamese calendar day): the `due` order's groups. */
export type ActivityUrgency = 'overdue' | 'today' | 'upcoming' | 'done';

export function activityUrgency(activity: Pick<Activity, 'status' | 'date'>, today: string): ActivityUrgency {
  if (activity.status === 'done') return 'done';
  if (activity.date < today) return 'overdue';
  return activity.date === today ? 'today' : 'upcoming';
}
