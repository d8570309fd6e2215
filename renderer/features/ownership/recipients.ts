import type { FieldLabels } from '../../api/describeError';

/** A recipient of a transfer or share: a user, or a department (the server expands it to its active users, subdepartments included). */
export type Recipient = { kind: 'user' | 'department'; id: number; name: string; detail?: string };

const sameRecipient = (a: Recipient, b: Recipient) => a.kind === b.kind && a.id === b.id;

/**
 * The list in the order the server splits by: the listed users first, then the users of the
 * departments (by name within each). Keeping users ahead of departments here shows that order.
 */
function inServerOrder(recipients: Recipient[]): Recipient[] {
  return [...recipients.filter((recipient) => recipient.kind === 'user'), ...recipients.filter((recipient) => recipient.kind === 'department')];
}

/** Appends the new ones (not already listed), keeping the server's order. */
export function addRecipients(list: Recipient[], added: Recipient[]): Recipient[] {
  const fresh = added.filter((candidate, index) => !list.some((item) => sameRecipient(item, candidate)) && added.findIndex((other) => sameRecipient(other, candidate)) === index);
  return inServerOrder([...list, ...fresh]);
}

/** Moves one recipient up (-1) or down (+1) among those of its kind; unchanged at either end. */
export function moveRecipient(list: Recipient[], index: number, step: -1 | 1): Recipient[] {
  const target = index + step;
  if (target < 0 || target >= list.length || list[target].kind !== list[index].kind) return list;
  const moved = [...list];
  [moved[index], moved[target]] = [moved[target], moved[index]];
  return moved;
}

/** What the API takes: `userIds` and `departmentIds`, each in list order. */
export function recipientIds(list: Recipient[]): { userIds: number[]; departmentIds: number[] } {
  const ids = (kind: Recipient['kind']) => list.filter((recipient) => recipient.kind === kind).map((recipient) => recipient.id);
  return { userIds: ids('user'), departmentIds: ids('department') };
}

/** How the server's errors about the recipients name them. */
export const recipientFieldLabels: FieldLabels = { userIds: 'recipients.users', departmentIds: 'recipients.departments' };
