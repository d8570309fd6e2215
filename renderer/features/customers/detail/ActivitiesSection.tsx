import { useState } from 'react';
import { formatDate } from '../../../../shared/format';
import type { Activity } from '../../../../shared/schemas/records';
import { activitiesApi } from '../../../api/activitiesApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import { Button } from '../../../ui/Button';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ActivityFormDialog } from '../../activities/ActivityFormDialog';
import { ConfirmActionDialog } from '../../common/ConfirmActionDialog';

type Editing = { kind: 'form'; activity: Activity | null } | { kind: 'delete'; activity: Activity } | null;

const shownActivities = 200;

/** The customer's activities (giao dịch), newest first as the server orders them: add, edit, delete. */
export function ActivitiesSection({ customerId, editable }: { customerId: number; editable: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useApiData(() => activitiesApi.list({ customerId, limit: shownActivities }), [customerId]);
  const [editing, setEditing] = useState<Editing>(null);
  const done = () => {
    setEditing(null);
    reload();
  };
  return (
    <section aria-label={t('customers.detail.activities')}>
      {editable && (
        <div className="section-actions">
          <Button variant="primary" onClick={() => setEditing({ kind: 'form', activity: null })}>
            {t('activities.add')}
          </Button>
        </div>
      )}
      <ErrorMessage message={error} />
      {data && data.rows.length === 0 && <p className="muted">{t('activities.empty')}</p>}
      {data && data.rows.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('field.date')}</th>
              <th>{t('field.activityType')}</th>
              <th>{t('field.subject')}</th>
              <th>{t('field.status')}</th>
              <th>{t('activities.owner')}</th>
              {editable && <th aria-label={t('common.actions')} />}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((activity) => (
              <tr key={activity.id}>
                <td>{formatDate(activity.date)}</td>
                <td>{t(`activityType.${activity.type}`)}</td>
                <td>{activity.subject}</td>
                <td>{t(`activityStatus.${activity.status}`)}</td>
                <td>{activity.ownerName}</td>
                {editable && (
                  <td className="row-actions">
                    <Button variant="link" onClick={() => setEditing({ kind: 'form', activity })}>
                      {t('common.edit')}
                    </Button>
                    <Button variant="link" onClick={() => setEditing({ kind: 'delete', activity })}>
                      {t('common.delete')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.total > data.rows.length && <p className="muted">{t('activities.more', { shown: data.rows.length, total: data.total })}</p>}
      {editing?.kind === 'form' && <ActivityFormDialog customerId={customerId} activity={editing.activity} onSaved={done} onClose={() => setEditing(null)} />}
      {editing?.kind === 'delete' && (
        <ConfirmActionDialog
          title={t('activities.deleteTitle')}
          message={t('activities.deleteConfirm', { subject: editing.activity.subject })}
          action={() => activitiesApi.remove(editing.activity.id).then(() => undefined)}
          onDone={done}
          onClose={() => setEditing(null)}
        />
      )}
    </section>
  );
}
