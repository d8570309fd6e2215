import { useRef } from 'react';
import { customersApi } from '../../api/customersApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import type { SelectionTarget } from './customerSelection';

type DeleteCustomersDialogProps = {
  target: SelectionTarget;
  /** How many the selection holds, for the question. */
  count: number;
  /** The customer's name when exactly one row is picked. */
  name?: string;
  /** With how many the server actually moved (a filter takes only those the user may edit). */
  onDeleted: (updated: number) => void;
  onClose: () => void;
};

/** Confirms with the count, then moves the selection to the recycle bin in one request (restorable). */
export function DeleteCustomersDialog({ target, count, name, onDeleted, onClose }: DeleteCustomersDialogProps) {
  const { t, locale } = useI18n();
  const message = count === 1 && name ? t('customers.delete.one', { name }) : t('customers.delete.many', { count: formatCount(count, locale) });
  const updated = useRef(0);
  return (
    <ConfirmActionDialog
      title={t('customers.delete.title')}
      message={message}
      action={async () => {
        updated.current = (await customersApi.removeMany(target)).updated;
      }}
      onDone={() => onDeleted(updated.current)}
      onClose={onClose}
    />
  );
}
