import { useState } from 'react';
import type { UndoResult } from '../../../shared/schemas/ownership';
import { ownershipApi } from '../../api/ownershipApi';
import { useApiAction } from '../../api/useApiAction';
import { useIdempotencyKey } from '../../api/useIdempotencyKey';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { BulkResultReport } from '../common/BulkResultReport';
import { countSkipsByReason, undoSkipReasonLabels } from './undoSkipReasons';

/** Skipped customers named one by one up to this many; past it only the counts. */
const namedSkipsShown = 20;

type UndoTransferDialogProps = {
  batchId: number;
  customerCount: number;
  /** Names of customers at hand (by id), to name the skipped ones. */
  customerNames: Map<number, string>;
  onUndone: (outcome: UndoResult) => void;
  onClose: () => void;
};

/** "Hoàn tác" a transfer batch: asks, undoes (once, however often clicked), then shows what was restored and what was skipped and why. */
export function UndoTransferDialog({ batchId, customerCount, customerNames, onUndone, onClose }: UndoTransferDialogProps) {
  const { t, locale } = useI18n();
  const keyFor = useIdempotencyKey();
  const { busy, error, run } = useApiAction();
  const [outcome, setOutcome] = useState<UndoResult | null>(null);
  const number = (value: number) => formatCount(value, locale);

  if (outcome) {
    const named = outcome.skipped.filter((skip) => customerNames.has(skip.customerId)).slice(0, namedSkipsShown);
    return (
      <BulkResultReport
        title={t('undo.resultTitle', { id: batchId })}
        summary={t('undo.restored', { count: number(outcome.restored) })}
        skipped={countSkipsByReason(outcome.skipped).map(({ reason, count }) => ({ count, reason: t(undoSkipReasonLabels[reason]) }))}
        details={
          named.length > 0 && (
            <ul aria-label={t('undo.skippedCustomers')}>
              {named.map((skip) => (
                <li key={skip.customerId}>
                  {customerNames.get(skip.customerId)} — {t(undoSkipReasonLabels[skip.reason])}
                </li>
              ))}
            </ul>
          )
        }
        onClose={onClose}
      />
    );
  }
  const undo = () =>
    void run(async () => {
      const result = await ownershipApi.undo(batchId, keyFor({ batchId }));
      setOutcome(result);
      onUndone(result);
    });
  return (
    <ConfirmDialog
      title={t('undo.title', { id: batchId })}
      message={t('undo.confirm', { count: number(customerCount) })}
      confirmLabel={t('undo.action')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={error}
      onConfirm={undo}
      onClose={onClose}
    />
  );
}
