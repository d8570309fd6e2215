import { dueRuleIds } from '../../features/multiAssign/repository';
import { runMultiAssignRule } from '../../features/multiAssign/runRule';
import type { JobDefinition } from '../jobContext';

/**
 * O4: every minute, runs each active multi-assign rule whose interval has passed, each in its own
 * transaction, as the system user — the same run as "Chạy ngay". One failing rule does not stop
 * the others; the job reports the failures. Stopping between rules leaves the rest due.
 */
export const multiAssignRules: JobDefinition = {
  name: 'multi-assign-rules',
  defaultIntervalSeconds: 60,
  run: async ({ db, actor, asOf, signal }) => {
    const failures: string[] = [];
    for (const ruleId of await dueRuleIds(db, asOf)) {
      signal.throwIfAborted();
      try {
        await db.transaction((trx) => runMultiAssignRule(trx, actor, ruleId, 'schedule', asOf));
      } catch (caught) {
        failures.push(`rule ${ruleId}: ${caught instanceof Error ? caught.message : String(caught)}`);
      }
    }
    if (failures.length) throw new Error(failures.join('; '));
  },
};
