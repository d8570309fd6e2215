import { formatDate } from '../../../../shared/format';
import { activitiesApi } from '../../../api/activitiesApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { ActivityFormDialog } from '../../activities/ActivityFormDialog';
import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';
import { EditableListSection } from '../../common/EditableListSection';
import { activityTypeLabel } from '../../activities/activityTypeLabel';

const shownActivities = 200;

/** The customer's activities (giao dịch), newest first as the server orders them: add, edit, delete. */
export function ActivitiesSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => activitiesApi.list({ customerId, limit: shownActivities }), [customerId]);
  return (
    <EditableListSection
      label={t('customers.detail.activities')}
      addLabel={t('activities.add')}
      emptyText={t('activities.empty')}
      rows={data?.rows}
      error={error}
      editable={editable}
      reload={reload}
      columns={[
        { header: t('field.date'), cell: (activity) => formatDate(activity.date) },
        { header: t('field.activityType'), cell: (activity) => activityTypeLabel(t, activity.type) },
        { header: t('field.subject'), cell: (activity) => activity.subject },
        { header: t('field.status'), cell: (activity) => t(`activityStatus.${activity.status}`) },
        { header: t('activities.owner'), cell: (activity) => activity.ownerName },
      ]}
      renderForm={(activity, { onDone, onClose }) => <ActivityFormDialog customerId={customerId} activity={activity} onSaved={onDone} onClose={onClose} />}
      renderDelete={(activity, { onDone, onClose }) => (
        <ConfirmActionDialog
          title={t('activities.deleteTitle')}
          message={t('activities.deleteConfirm', { subject: activity.subject })}
          action={() => activitiesApi.remove(activity.id).then(() => undefined)}
          onDone={onDone}
          onClose={onClose}
        />
      )}
    >
      {data && data.total > data.rows.length && <p className="muted">{t('activities.more', { shown: data.rows.length, total: data.total })}</p>}
    </EditableListSection>
  );
}
