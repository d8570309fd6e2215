import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** What a stale edit (409) found: the row as it is now, who made it so and when. */
export type Conflict = { column: string; currentText: string; changedBy: string | null; changedAt: string; reload: () => void };

/** Never a silent overwrite: the user sees who changed the row and its current value, and reloads it. */
export function ConflictDialog({ conflict, onClose }: { conflict: Conflict; onClose: () => void }) {
  const { t } = useI18n();
  const time = formatDateTime(conflict.changedAt);
  return (
    <Dialog
      title={t('gridEdit.conflictTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.close')}</Button>
          <Button
            variant="primary"
            onClick={() => {
              conflict.reload();
              onClose();
            }}
          >
            {t('gridEdit.reloadRow')}
          </Button>
        </>
      }
    >
      <p>{conflict.changedBy ? t('gridEdit.conflictBy', { name: conflict.changedBy, time }) : t('gridEdit.conflictUnknown', { time })}</p>
      <p>
        {t('gridEdit.currentValue', { column: conflict.column })} <strong className="grid-conflict-value">{conflict.currentText || t('gridEdit.empty')}</strong>
      </p>
    </Dialog>
  );
}
