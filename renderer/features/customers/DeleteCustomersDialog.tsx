import type { Customer } from '../../../shared/schemas/customers';
import { customersApi } from '../../api/customersApi';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';

type DeleteCustomersDialogProps = { customers: Customer[]; onDeleted: () => void; onClose: () => void };

/** Confirms, then moves the customers to the recycle bin (restorable). */
export function DeleteCustomersDialog({ customers, onDeleted, onClose }: DeleteCustomersDialogProps) {
  const { t } = useI18n();
  const message = customers.length === 1 ? t('customers.delete.one', { name: customers[0].name }) : t('customers.delete.many', { count: customers.length });
  return (
    <ConfirmActionDialog
      title={t('customers.delete.title')}
      message={message}
      action={async () => {
        for (const customer of customers) await customersApi.remove(customer.id);
      }}
      onDone={onDeleted}
      onClose={onClose}
    />
  );
}
