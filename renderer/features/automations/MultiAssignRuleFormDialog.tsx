import { useState } from 'react';
import type { MultiAssignRule } from '../../../shared/schemas/multiAssign';
import type { FieldLabels } from '../../api/describeError';
import { multiAssignApi } from '../../api/multiAssignApi';
import { useSession } from '../../app/sessionContext';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { ApiFormDialog } from '../common/ApiFormDialog';
import type { PickedUser } from '../common/searchUsers';
import { UserMultiPicker } from '../common/UserMultiPicker';
import { UserPicker } from '../common/UserPicker';

type MultiAssignRuleFormDialogProps = { rule: MultiAssignRule | null; onSaved: () => void; onClose: () => void };

const fieldLabels: FieldLabels = {
  name: 'multiAssign.name', assigneeId: 'multiAssign.assignee', campaignId: 'multiAssign.campaign', userIds: 'multiAssign.users', intervalMinutes: 'multiAssign.interval',
};

/** A multi-assign rule: name, assignee (the creator unless changed), campaign, users, on/off and how often it runs. */
export function MultiAssignRuleFormDialog({ rule, onSaved, onClose }: MultiAssignRuleFormDialogProps) {
  const { t } = useI18n();
  const { user } = useSession();
  const [name, setName] = useState(rule?.name ?? '');
  const [assignee, setAssignee] = useState<PickedUser | null>(rule ? { id: rule.assigneeId, fullName: rule.assigneeName } : { id: user.id, fullName: user.fullName });
  const [campaignId, setCampaignId] = useState<number | null>(rule?.campaignId ?? null);
  const [users, setUsers] = useState<PickedUser[]>(rule?.users ?? []);
  const [active, setActive] = useState(rule?.active ?? true);
  const [intervalText, setIntervalText] = useState(String(rule?.intervalMinutes ?? 60));

  const submit = () => {
    const intervalMinutes = Number(intervalText);
    if (!name.trim()) return { field: 'name', message: t('multiAssign.nameRequired') };
    if (!assignee) return { field: 'assigneeId', message: t('multiAssign.assigneeRequired') };
    if (campaignId === null) return { field: 'campaignId', message: t('multiAssign.campaignRequired') };
    if (users.length === 0) return { field: 'userIds', message: t('multiAssign.usersRequired') };
    if (!Number.isInteger(intervalMinutes) || intervalMinutes < 1 || intervalMinutes > 10080) return { field: 'intervalMinutes', message: t('multiAssign.intervalInvalid') };
    const body = { name: name.trim(), assigneeId: assignee.id, campaignId, userIds: users.map((picked) => picked.id), active, intervalMinutes };
    return async () => {
      if (rule) await multiAssignApi.update(rule.id, body);
      else await multiAssignApi.create(body);
      onSaved();
    };
  };

  return (
    <ApiFormDialog title={rule ? t('multiAssign.editTitle') : t('multiAssign.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose} wide>
      <div className="form-grid">
        <Field label={t('multiAssign.name')} name="name" required wide>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={255} autoFocus />
        </Field>
        <Field label={t('multiAssign.assignee')} name="assigneeId" required>
          <UserPicker scope="owner" value={assignee} onChange={(picked) => picked && setAssignee(picked)} />
        </Field>
        <Field label={t('multiAssign.campaign')} name="campaignId" required>
          <CampaignSelect value={campaignId} onChange={setCampaignId} emptyLabel={t('multiAssign.pickCampaign')} />
        </Field>
        <Field label={t('multiAssign.users')} name="userIds" required wide>
          <UserMultiPicker scope="any" value={users} onChange={setUsers} />
        </Field>
        <Field label={t('multiAssign.interval')} name="intervalMinutes">
          <input type="number" min={1} max={10080} step={1} value={intervalText} onChange={(event) => setIntervalText(event.target.value)} />
        </Field>
        <label className="checkbox field-checkbox">
          <input type="checkbox" checked={active} onChange={(event) => setActive(event.target.checked)} />
          {t('multiAssign.active')}
        </label>
      </div>
    </ApiFormDialog>
  );
}
