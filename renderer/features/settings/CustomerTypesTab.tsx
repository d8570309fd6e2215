import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { useToast } from '../../ui/toastContext';
import { EditableListSection } from '../common/EditableListSection';
import { CustomerTypeFormDialog } from './CustomerTypeFormDialog';
import { DeleteCustomerTypeDialog } from './DeleteCustomerTypeDialog';

/** Loại khách hàng: list, add, edit, delete (asking what happens to the customers). */
export function CustomerTypesTab() {
  const { t } = useI18n();
  const showToast = useToast();
  const { data, error, reload } = useApiData(() => classificationApi.types(), []);
  return (
    <EditableListSection
      label={t('settings.types')}
      addLabel={t('types.add')}
      emptyText={t('types.empty')}
      rows={data}
      error={error}
      reload={reload}
      columns={[
        { header: t('types.name'), cell: (type) => type.name },
        { header: t('field.description'), cell: (type) => type.description },
        { header: t('classification.customerCount'), numeric: true, cell: (type) => type.customerCount },
      ]}
      renderForm={(type, { onDone, onClose }) => <CustomerTypeFormDialog type={type} onSaved={onDone} onClose={onClose} />}
      renderDelete={(type, { onDone, onClose }) => (
        <DeleteCustomerTypeDialog
          type={type}
          onClose={onClose}
          onDeleted={(message) => {
            showToast(message);
            onDone();
          }}
        />
      )}
    />
  );
}
