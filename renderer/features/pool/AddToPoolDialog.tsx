import { useState } from 'react';
import { poolApi } from '../../api/poolApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { BulkResultReport } from '../common/BulkResultReport';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import type { SelectionTarget } from '../customers/customerSelection';

type AddToPoolDialogProps = {
  target: SelectionTarget;
  count: number;
  /** After the move, while the report is still open: the grid refreshes. */
  onMoved: () => void;
  onClose: () => void;
};

/**
 * Đưa vào Khách hàng chung (managers and admins): asks, moves the selection (its owners kept as
 * previous owners), then reports how many moved; by a filter, customers already in the pool or
 * that the caller may not edit are left as they were.
 */
export function AddToPoolDialog({ target, count, onMoved, onClose }: AddToPoolDialogProps) {
  const { t, locale } = useI18n();
  const [moved, setMoved] = useState<number | null>(null);
  const number = (value: number) => formatCount(value, locale);
  if (moved !== null) {
    return (
      <BulkResultReport
        title={t('pool.add')}
        summary={t('pool.add.done', { count: number(moved) })}
        skipped={count > moved ? [{ count: count - moved, reason: t('pool.add.skipped') }] : []}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmActionDialog
      title={t('pool.add')}
      message={t('pool.add.confirm', { count: number(count) })}
      confirmLabel={t('pool.add')}
      action={async () => setMoved((await poolApi.add(target)).moved)}
      onDone={onMoved}
      onClose={onClose}
    />
  );
}
