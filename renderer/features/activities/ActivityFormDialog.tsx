import { useState } from 'react';
import { formatDate, parseDisplayDate, todayInVietnam } from '../../../shared/format';
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from '../../../shared/schemas/enums';
import type { Activity } from '../../../shared/schemas/records';
import { activitiesApi } from '../../api/activitiesApi';
import { useI18n } from '../../i18n/useI18n';
import { EnumSelect } from '../../ui/EnumSelect';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';

type ActivityFormDialogProps = { customerId: number; activity: Activity | null; onSaved: () => void; onClose: () => void };

/** An activity (giao dịch) of a customer; the day is typed as dd/MM/yyyy. */
export function ActivityFormDialog({ customerId, activity, onSaved, onClose }: ActivityFormDialogProps) {
  const { t } = useI18n();
  const [subject, setSubject] = useState(activity?.subject ?? '');
  const [type, setType] = useState<ActivityType>(activityTypes.find((known) => known === activity?.type) ?? (activity ? 'other' : 'call'));
  const [status, setStatus] = useState<ActivityStatus>(activity?.status ?? 'not_started');
  const [day, setDay] = useState(formatDate(activity?.date ?? todayInVietnam()));
  const [description, setDescription] = useState(activity?.description ?? '');

  const submit = () => {
    const date = parseDisplayDate(day);
    if (!subject.trim()) return t('activities.subjectRequired');
    if (!date) return t('activities.dateInvalid');
    const fields = { subject: subject.trim(), type, status, date, description: description.trim() || null };
    return async () => {
      if (activity) await activitiesApi.update(activity.id, { version: activity.version, ...fields });
      else await activitiesApi.create({ customerId, ...fields });
      onSaved();
    };
  };

  return (
    <ApiFormDialog title={activity ? t('activities.editTitle') : t('activities.createTitle')} submit={submit} onClose={onClose}>
      <div className="form-grid">
        <Field label={t('field.subject')} required wide>
          <input value={subject} onChange={(event) => setSubject(event.target.value)} autoFocus />
        </Field>
        <Field label={t('field.activityType')}>
          <EnumSelect value={type} options={activityTypes} optionLabel={(option) => t(`activityType.${option}`)} fallback="other" onChange={setType} />
        </Field>
        <Field label={t('field.status')}>
          <EnumSelect value={status} options={activityStatuses} optionLabel={(option) => t(`activityStatus.${option}`)} fallback="not_started" onChange={setStatus} />
        </Field>
        <Field label={t('field.date')} required>
          <input value={day} onChange={(event) => setDay(event.target.value)} placeholder="dd/mm/yyyy" inputMode="numeric" />
        </Field>
        <Field label={t('field.description')} wide>
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
        </Field>
      </div>
    </ApiFormDialog>
  );
}
