import { useState } from 'react';
import { formatDate, parseDisplayDate, todayInVietnam } from '../../../shared/format';
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from '../../../shared/schemas/enums';
import type { Activity } from '../../../shared/schemas/records';
import { activitiesApi } from '../../api/activitiesApi';
import { useApiAction } from '../../api/useApiAction';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { FormDialog } from '../../ui/FormDialog';

type ActivityFormDialogProps = { customerId: number; activity: Activity | null; onSaved: () => void; onClose: () => void };

/** An activity (giao dịch) of a customer; the day is typed as dd/MM/yyyy. */
export function ActivityFormDialog({ customerId, activity, onSaved, onClose }: ActivityFormDialogProps) {
  const { t } = useI18n();
  const [subject, setSubject] = useState(activity?.subject ?? '');
  const [type, setType] = useState<ActivityType>(activity?.type ?? 'call');
  const [status, setStatus] = useState<ActivityStatus>(activity?.status ?? 'not_started');
  const [day, setDay] = useState(formatDate(activity?.date ?? todayInVietnam()));
  const [description, setDescription] = useState(activity?.description ?? '');
  const { busy, error, setError, run } = useApiAction();

  const submit = () => {
    const date = parseDisplayDate(day);
    if (!subject.trim()) return setError(t('activities.subjectRequired'));
    if (!date) return setError(t('activities.dateInvalid'));
    const fields = { subject: subject.trim(), type, status, date, description: description.trim() || null };
    void run(async () => {
      if (activity) await activitiesApi.update(activity.id, { version: activity.version, ...fields });
      else await activitiesApi.create({ customerId, ...fields });
      onSaved();
    });
  };

  return (
    <FormDialog
      title={activity ? t('activities.editTitle') : t('activities.createTitle')}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      busy={busy}
      error={error}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form-grid">
        <Field label={t('field.subject')} required wide>
          <input value={subject} onChange={(event) => setSubject(event.target.value)} autoFocus />
        </Field>
        <Field label={t('field.activityType')}>
          <select value={type} onChange={(event) => setType(activityTypes.find((option) => option === event.target.value) ?? 'other')}>
            {activityTypes.map((option) => (
              <option key={option} value={option}>
                {t(`activityType.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('field.status')}>
          <select value={status} onChange={(event) => setStatus(activityStatuses.find((option) => option === event.target.value) ?? 'not_started')}>
            {activityStatuses.map((option) => (
              <option key={option} value={option}>
                {t(`activityStatus.${option}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('field.date')} required>
          <input value={day} onChange={(event) => setDay(event.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Field>
        <Field label={t('field.description')} wide>
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
        </Field>
      </div>
    </FormDialog>
  );
}
