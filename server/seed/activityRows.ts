import { activityOutcomes, activitySubjects, activityTypeChoice } from './activityTexts';
import { Random, seedFor } from './random';
import type { SeedWorld } from './seedWorld';

export const activityColumns = ['customer_id', 'owner_id', 'type', 'subject', 'date', 'status', 'description', 'created_by', 'created_at', 'updated_at'] as const;

export const activitiesPerCustomer = 5;

/**
 * Five activities a customer, dated from its creation to a month ahead; past ones mostly done,
 * future ones not started, the last week a mix (what pool rules and reminders look at).
 */
export function* activityLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'activities'));
  const horizon = calendar.today + 30;
  for (let index = 0; index < facts.count; index++) {
    const customerId = index + 1;
    const owner = facts.handlerId[index];
    const from = facts.createdDay[index];
    for (let n = 0; n < activitiesPerCustomer; n++) {
      const day = from + random.int(horizon - from + 1);
      const type = activityTypeChoice.pick(random);
      let status: string;
      if (day > calendar.today) status = 'not_started';
      else if (day > calendar.today - 7) status = random.pick(['not_started', 'in_progress', 'done']);
      else status = random.chance(0.88) ? 'done' : random.chance(0.5) ? 'in_progress' : 'not_started';
      const createdAt = calendar.timestamp(Math.min(day, calendar.today - 1, Math.max(from, day - random.int(5))), 7 * 3600 + random.int(11 * 3600));
      const description = random.chance(0.15) ? random.pick(activityOutcomes) : '\\N';
      yield `${customerId}\t${owner}\t${type}\t${random.pick(activitySubjects[type])}\t${calendar.date(day)}\t${status}\t${description}\t${owner}\t${createdAt}\t${createdAt}\n`;
    }
  }
}
