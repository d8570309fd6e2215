import type { UndoResult } from '../../../shared/schemas/ownership';
import type { MessageKey } from '../../i18n/vi';

type UndoSkipReason = UndoResult['skipped'][number]['reason'];

/** Why undo left a customer as it is, as the result says it. */
export const undoSkipReasonLabels: Record<UndoSkipReason, MessageKey> = {
  changed_since: 'undo.skip.changed_since',
  deleted: 'undo.skip.deleted',
  owner_inactive: 'undo.skip.owner_inactive',
};

/** The skipped customers counted per reason, in the order the reasons first appear. */
export function countSkipsByReason(skipped: UndoResult['skipped']): { reason: UndoSkipReason; count: number }[] {
  const counts = new Map<UndoSkipReason, number>();
  for (const skip of skipped) counts.set(skip.reason, (counts.get(skip.reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => ({ reason, count }));
}
