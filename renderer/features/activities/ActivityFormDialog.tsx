import { useState } from 'react';
import { formatDate, parseDisplayDate, todayInVietnam } from '../../../shared/format';
import { activityStatuses, activityTypes, type ActivityStatus, type ActivityType } from '../../../shared/schemas/enums';
import type { Activity } from '../../../shared/schemas/records';
import { useSession } from '../../app/sessionContext';
import { activitiesApi } from '../../api/activitiesApi';
import { useI18n } from '../../i18n/useI18n';
import { EnumSelect } from '../../ui/EnumSelect';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { CustomerPicker, type PickedCustomer } from '../common/CustomerPicker';
import type { PickedUser } from '../common/searchUsers';
import { UserPicker } from '../common/UserPicker';

type ActivityFormDialogProps = {
  /** The customer it belongs to; null (a new activity from the Giao dịch grid): picked in the form. */
  customerId: number | null;
  activity: Activity | null;
  onSaved: (saved: Activity) => void;
  onClose: () => void;
};

/** An activity (giao dịch) of a customer; the day is typed as dd/MM/yyyy; a new one is the signed-in user's unless another owner is picked. */
export function ActivityFormDialog({ customerId, activity, onSaved, onClose }: ActivityFormDialogProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [subject, setSubject] = useState(activity?.subject ?? '');
  const [type, setType] = useState<ActivityType>(activityTypes.find((known) => known === activity?.type) ?? (activity ? 'other' : 'call'));
  const [status, setStatus] = useState<ActivityStatus>(activity?.status ?? 'not_started');
  const [day, setDay] = useState(formatDate(activity?.date ?? todayInVietnam()));
  const [description, setDescription] = useState(activity?.description ?? '');
  const [owner, setOwner] = useState<PickedUser>(activity ? { id: activity.ownerId, fullName: activity.ownerName ?? '' } : { id: user.id, fullName: user.fullName });

  const submit = () => {
    const date = parseDisplayDate(day);
    const forCustomer = customerId ?? customer?.id;
    if (!activity && forCustomer === undefined) return { field: 'customerId', message: t('activities.customerRequired') };
    if (!subject.trim()) return t('activities.subjectRequired');
    if (!date) return t('activities.dateInvalid');
    const fields = { subject: subject.trim(), type, status, date, description: description.trim() || null };
    return async () => {
      // An unchanged owner is not sent: a user may edit an activity someone else owns without being allowed to assign it.
      if (activity) onSaved(await activitiesApi.update(activity.id, { version: activity.version, ...fields, ...(owner.id === activity.ownerId ? {} : { ownerId: owner.id }) }));
      else if (forCustomer !== undefined) onSaved(await activitiesApi.create({ customerId: forCustomer, ownerId: owner.id, ...fields }));
    };
  };

  return (
    <ApiFormDialog title={activity ? t('activities.editTitle') : t('activities.createTitle')} submit={submit} onClose={onClose}>
      <div className="form-grid">
        {customerId === null && !activity && (
          <Field label={t('activities.customer')} required wide name="customerId">
            <CustomerPicker value={customer} onChange={setCustomer} />
          </Field>
        )}
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
        <Field label={t('activities.owner')} required name="ownerId">
          <UserPicker scope="owner" value={owner} onChange={(picked) => picked && setOwner(picked)} />
        </Field>
        <Field label={t('field.description')} wide>
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} />
        </Field>
      </div>
    </ApiFormDialog>
  );
}
