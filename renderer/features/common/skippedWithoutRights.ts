import type { Translate } from '../../i18n/translate';
import type { SkippedCustomers } from './BulkResultReport';

/**
 * "Select all matching" acts on the matching customers the user may edit; the others of the
 * selection were skipped for that reason. (Explicit ids are all-or-nothing: none are skipped.)
 */
export function skippedWithoutRights(selected: number, changed: number, t: Translate): SkippedCustomers[] {
  return selected > changed ? [{ count: selected - changed, reason: t('bulkResult.noRights') }] : [];
}
