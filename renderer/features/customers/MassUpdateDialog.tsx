import { useState } from 'react';
import type { CareStatus, CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import { massUpdateFields, type MassUpdateBody, type MassUpdateResult } from '../../../shared/schemas/customers';
import { groupModes, type GroupMode } from '../../../shared/schemas/enums';
import { customersApi } from '../../api/customersApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { Field } from '../../ui/Field';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { BulkResultReport } from '../common/BulkResultReport';
import { skippedWithoutRights } from '../common/skippedWithoutRights';
import { UserPicker } from '../common/UserPicker';
import type { PickedUser } from '../common/searchUsers';
import type { SelectionTarget } from './customerSelection';

type MassUpdateDialogProps = {
  target: SelectionTarget;
  count: number;
  types: CustomerType[];
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  /** Managers and admins may give the customers another owner (as with a transfer). */
  mayChangeOwner: boolean;
  /** Right after the change (the dialog then shows the result until closed). */
  onDone: (result: MassUpdateResult) => void;
  onClose: () => void;
};

/** A <select> choice: '' leaves the field, 'null' clears it, else the JSON of the value to set. */
const keep = '';
const chosen = <T,>(choice: string) => JSON.parse(choice) as T;

const tagsOf = (text: string) => [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];

/**
 * Cập nhật hàng loạt: one or more fields (type, care status, address, tags to add or remove,
 * groups, owner, a campaign) set on the selected customers — or on all matching the filter — in
 * one request; then the result report, per field how many changed and how many already were so.
 */
export function MassUpdateDialog({ target, count, types, groups, careStatuses, mayChangeOwner, onDone, onClose }: MassUpdateDialogProps) {
  const { t, locale } = useI18n();
  const [typeChoice, setTypeChoice] = useState(keep);
  const [careStatus, setCareStatus] = useState(keep);
  const [address, setAddress] = useState('');
  const [addTags, setAddTags] = useState('');
  const [removeTags, setRemoveTags] = useState('');
  const [groupMode, setGroupMode] = useState<GroupMode | ''>('');
  const [groupIds, setGroupIds] = useState<number[]>([]);
  const [owner, setOwner] = useState<PickedUser | null>(null);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [result, setResult] = useState<MassUpdateResult | null>(null);

  const body = (): Omit<MassUpdateBody, keyof SelectionTarget> => ({
    ...(typeChoice === keep ? {} : { typeId: chosen<number | null>(typeChoice) }),
    ...(careStatus === keep ? {} : { careStatus: chosen<string | null>(careStatus) }),
    ...(address.trim() ? { address: address.trim() } : {}),
    ...(tagsOf(addTags).length ? { addTags: tagsOf(addTags) } : {}),
    ...(tagsOf(removeTags).length ? { removeTags: tagsOf(removeTags) } : {}),
    ...(groupMode ? { groupMode, groupIds } : {}),
    ...(owner ? { ownerId: owner.id } : {}),
    ...(campaignId === null ? {} : { campaignId }),
  });

  const submit = () => {
    const fields = body();
    if (Object.keys(fields).length === 0) return t('massUpdate.pickSomething');
    if (groupMode && groupMode !== 'move' && groupIds.length === 0) return { field: 'groupIds', message: t('bulkGroups.pickGroup') };
    return async () => {
      const answer = await customersApi.massUpdate({ ...target, ...fields });
      setResult(answer);
      onDone(answer);
    };
  };

  if (result) {
    const given = massUpdateFields.filter((field) => result.changed[field] !== undefined);
    return (
      <BulkResultReport
        title={t('massUpdate.result.title')}
        summary={t('massUpdate.done', { count: formatCount(result.updated, locale) })}
        skipped={[{ count: result.unchanged, reason: t('massUpdate.alreadySo') }, ...skippedWithoutRights(count, result.matched, t)]}
        details={
          <ul className="mass-update-fields">
            {given.map((field) => (
              <li key={field} data-field={field}>
                {t('massUpdate.fieldResult', {
                  field: t(`massUpdate.field.${field}`),
                  changed: formatCount(result.changed[field] ?? 0, locale),
                  unchanged: formatCount(result.unchangedBy[field] ?? 0, locale),
                })}
              </li>
            ))}
          </ul>
        }
        onClose={onClose}
      />
    );
  }

  return (
    <ApiFormDialog title={t('massUpdate.title')} submitLabel={t('massUpdate.apply')} submit={submit} onClose={onClose}>
      <p>{t('massUpdate.target', { count: formatCount(count, locale) })}</p>
      <Field label={t('field.type')} name="typeId">
        <select value={typeChoice} onChange={(event) => setTypeChoice(event.target.value)}>
          <option value={keep}>{t('massUpdate.keep')}</option>
          {types.map((type) => (
            <option key={type.id} value={String(type.id)}>
              {type.name}
            </option>
          ))}
          <option value="null">{t('massUpdate.clearType')}</option>
        </select>
      </Field>
      <Field label={t('field.careStatus')} name="careStatus">
        <select value={careStatus} onChange={(event) => setCareStatus(event.target.value)}>
          <option value={keep}>{t('massUpdate.keep')}</option>
          {careStatuses.map((status) => (
            <option key={status.id} value={JSON.stringify(status.value)}>
              {status.name}
            </option>
          ))}
          <option value="null">{t('massUpdate.clearCareStatus')}</option>
        </select>
      </Field>
      <Field label={t('field.address')} name="address">
        <input value={address} onChange={(event) => setAddress(event.target.value)} placeholder={t('massUpdate.emptyKeeps')} />
      </Field>
      <Field label={t('massUpdate.addTags')} name="addTags">
        <input value={addTags} onChange={(event) => setAddTags(event.target.value)} placeholder={t('customers.form.tagsHint')} />
      </Field>
      <Field label={t('massUpdate.removeTags')} name="removeTags">
        <input value={removeTags} onChange={(event) => setRemoveTags(event.target.value)} placeholder={t('customers.form.tagsHint')} />
      </Field>
      <Field label={t('field.groups')} name="groupMode">
        <select value={groupMode} onChange={(event) => setGroupMode(event.target.value as GroupMode | '')}>
          <option value="">{t('massUpdate.keep')}</option>
          {groupModes.map((mode) => (
            <option key={mode} value={mode}>
              {t(`bulkGroups.mode.${mode}`)} ({t(`bulkGroups.mode.${mode}.hint`)})
            </option>
          ))}
        </select>
      </Field>
      {groupMode && (
        <CheckboxGroup
          legend={t('massUpdate.groupsToChange')}
          options={groups.map((group) => ({ id: group.id, label: group.name }))}
          selected={groupIds}
          onChange={setGroupIds}
          emptyText={t('customers.form.noGroups')}
        />
      )}
      {mayChangeOwner && (
        <Field label={t('field.owner')} name="ownerId">
          <UserPicker scope="owner" value={owner} onChange={setOwner} clearLabel={t('massUpdate.keep')} placeholder={t('massUpdate.keep')} />
        </Field>
      )}
      <Field label={t('massUpdate.campaign')} name="campaignId">
        <CampaignSelect value={campaignId} onChange={setCampaignId} emptyLabel={t('massUpdate.noCampaign')} />
      </Field>
    </ApiFormDialog>
  );
}
