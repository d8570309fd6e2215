import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { CareStatusFormDialog } from './CareStatusFormDialog';

/** Tình trạng chăm sóc: the list customers pick from; the two multi-assign entries are fixed. */
export function CareStatusesTab() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => classificationApi.careStatuses(), []);
  return (
    <EditableListSection
      label={t('settings.careStatuses')}
      addLabel={t('careStatuses.add')}
      emptyText={t('careStatuses.empty')}
      rows={data}
      error={error}
      reload={reload}
      rowEditable={(status) => !status.reserved}
      columns={[
        { header: t('careStatuses.name'), cell: (status) => status.name },
        { header: t('field.description'), cell: (status) => (status.reserved ? t('careStatuses.reserved') : null) },
        { header: t('classification.customerCount'), numeric: true, cell: (status) => status.customerCount },
      ]}
      renderForm={(status, { onDone, onClose }) => <CareStatusFormDialog status={status} onSaved={onDone} onClose={onClose} />}
      renderDelete={(status, { onDone, onClose }) => (
        <ConfirmActionDialog
          title={t('careStatuses.deleteTitle')}
          message={t('careStatuses.deleteConfirm', { name: status.name, count: status.customerCount })}
          action={() => classificationApi.deleteCareStatus(status.id).then(() => undefined)}
          onDone={onDone}
          onClose={onClose}
        />
      )}
    />
  );
}
