import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { CustomerGroupFormDialog } from './CustomerGroupFormDialog';

/** Nhóm khách hàng: list with points, add, edit, delete. */
export function CustomerGroupsTab() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => classificationApi.groups(), []);
  return (
    <EditableListSection
      label={t('settings.groups')}
      addLabel={t('groups.add')}
      emptyText={t('groups.empty')}
      rows={data}
      error={error}
      reload={reload}
      columns={[
        { header: t('groups.name'), cell: (group) => group.name },
        { header: t('field.points'), numeric: true, cell: (group) => group.points },
        { header: t('classification.customerCount'), numeric: true, cell: (group) => group.customerCount },
      ]}
      renderForm={(group, { onDone, onClose }) => <CustomerGroupFormDialog group={group} onSaved={onDone} onClose={onClose} />}
      renderDelete={(group, { onDone, onClose }) => (
        <ConfirmActionDialog
          title={t('groups.deleteTitle')}
          message={t('groups.deleteConfirm', { name: group.name, count: group.customerCount })}
          action={() => classificationApi.deleteGroup(group.id).then(() => undefined)}
          onDone={onDone}
          onClose={onClose}
        />
      )}
    />
  );
}
