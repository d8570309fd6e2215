import { lostReasonsApi } from '../../api/lostReasonsApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { NameFormDialog } from '../common/NameFormDialog';

/**
 * Thiết lập › Lý do thất bại: the reasons a lost opportunity picks from (managers and admins). A
 * rename renames it on its opportunities; a deleted reason stays on those already lost for it.
 */
export function LostReasonsTab() {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => lostReasonsApi.list(), []);
  return (
    <EditableListSection
      label={t('settings.lostReasons')}
      addLabel={t('lostReasons.add')}
      emptyText={t('lostReasons.empty')}
      rows={data}
      error={error}
      reload={reload}
      columns={[
        { header: t('lostReasons.name'), cell: (reason) => reason.name },
        { header: t('lostReasons.count'), numeric: true, cell: (reason) => reason.opportunityCount },
      ]}
      renderForm={(reason, { onDone, onClose }) => (
        <NameFormDialog
          title={reason ? t('lostReasons.editTitle') : t('lostReasons.createTitle')}
          labelKey="lostReasons.name"
          requiredKey="lostReasons.nameRequired"
          initialName={reason?.name ?? ''}
          maxLength={100}
          save={(name) => (reason ? lostReasonsApi.update(reason.id, { name }) : lostReasonsApi.create({ name }))}
          onSaved={onDone}
          onClose={onClose}
        />
      )}
      renderDelete={(reason, { onDone, onClose }) => (
        <ConfirmActionDialog
          title={t('lostReasons.deleteTitle')}
          message={t('lostReasons.deleteConfirm', { name: reason.name, count: reason.opportunityCount })}
          action={() => lostReasonsApi.remove(reason.id).then(() => undefined)}
          onDone={onDone}
          onClose={onClose}
        />
      )}
    />
  );
}
