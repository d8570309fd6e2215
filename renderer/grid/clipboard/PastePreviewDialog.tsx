import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';
import type { PastePlan } from './pastePlan';

type PastePreviewDialogProps<T> = {
  plan: PastePlan<T>;
  /** The entity's rows, as the title counts them ("khách hàng"). */
  entityLabel: string;
  rowLabel: (row: T) => string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
};

/** Before a paste into several rows: how many change, each row's old → new value, and rows refused (then nothing is sent). */
export function PastePreviewDialog<T>({ plan, entityLabel, rowLabel, busy, error, onConfirm, onClose }: PastePreviewDialogProps<T>) {
  const { t } = useI18n();
  const title = t('grid.paste.title', { values: plan.values, column: plan.column, rows: plan.changes.length, entity: entityLabel });
  const blocked = plan.refusals.length > 0 || plan.changes.length === 0;
  return (
    <Dialog
      title={title}
      wide
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button variant="primary" disabled={busy || blocked} onClick={onConfirm}>
            {t('grid.paste.confirm', { rows: plan.changes.length })}
          </Button>
        </>
      }
    >
      {plan.changes.length > 0 && (
        <table className="table paste-preview">
          <thead>
            <tr>
              <th>{entityLabel}</th>
              <th>{t('grid.paste.before')}</th>
              <th>{t('grid.paste.after')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.changes.map((change, index) => (
              <tr key={index}>
                <td>{rowLabel(change.row)}</td>
                <td>{change.before || '—'}</td>
                <td>{change.after || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.unchanged > 0 && <p>{t('grid.paste.unchanged', { count: plan.unchanged })}</p>}
      {plan.refusals.length > 0 && (
        <div role="alert" className="paste-refusals">
          <p>{t('grid.paste.refused', { count: plan.refusals.length })}</p>
          <ul>
            {plan.refusals.map((refusal, index) => (
              <li key={index}>
                {refusal.label}: {refusal.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.values > 1 && plan.changes.length + plan.unchanged + plan.refusals.length < plan.values && (
        <p>{t('grid.paste.extraValues', { count: plan.values - plan.changes.length - plan.unchanged - plan.refusals.length })}</p>
      )}
      <ErrorMessage message={error} />
    </Dialog>
  );
}
