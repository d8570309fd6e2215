import type { CustomerType } from '../../../shared/schemas/classification';
import { classificationApi } from '../../api/classificationApi';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { ErrorMessage } from '../../ui/ErrorMessage';

type DeleteCustomerTypeDialogProps = { type: CustomerType; onDeleted: (message: string) => void; onClose: () => void };

/** C2: deleting a type asks what happens to its customers — to the recycle bin with it, or kept without a type. */
export function DeleteCustomerTypeDialog({ type, onDeleted, onClose }: DeleteCustomerTypeDialogProps) {
  const { t } = useI18n();
  const { busy, error, run } = useApiAction();
  const remove = (customers: 'delete' | 'keep') =>
    void run(async () => {
      const result = await classificationApi.deleteType(type.id, { customers });
      onDeleted(
        customers === 'delete'
          ? t('types.deletedWithCustomers', { name: type.name, count: result.deletedCustomers })
          : t('types.deletedKeepingCustomers', { name: type.name, count: result.clearedCustomers }),
      );
    });
  return (
    <Dialog
      title={t('types.deleteTitle')}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={busy} onClick={() => remove('keep')}>
            {t('types.keepCustomers')}
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => remove('delete')}>
            {t('types.deleteCustomers')}
          </Button>
        </>
      }
    >
      <p>{t('types.deleteQuestion', { name: type.name, count: type.customerCount })}</p>
      <ErrorMessage message={error} />
    </Dialog>
  );
}
