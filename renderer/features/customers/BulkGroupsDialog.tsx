import { useState } from 'react';
import type { CustomerGroup } from '../../../shared/schemas/classification';
import { groupModes, type GroupMode } from '../../../shared/schemas/enums';
import { customersApi } from '../../api/customersApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { ApiFormDialog } from '../common/ApiFormDialog';
import type { SelectionTarget } from './customerSelection';

type BulkGroupsDialogProps = {
  target: SelectionTarget;
  count: number;
  groups: CustomerGroup[];
  onDone: (updated: number) => void;
  onClose: () => void;
};

/** C3: move to (replace), add or remove groups on the selected customers — or on all matching the filter. */
export function BulkGroupsDialog({ target, count, groups, onDone, onClose }: BulkGroupsDialogProps) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<GroupMode>('move');
  const [groupIds, setGroupIds] = useState<number[]>([]);

  const submit = () => {
    if (groupIds.length === 0) return t('bulkGroups.pickGroup');
    return async () => {
      const { updated } = await customersApi.changeGroups({ ...target, groupIds, mode });
      onDone(updated);
    };
  };

  return (
    <ApiFormDialog title={t('bulkGroups.title')} submitLabel={t('bulkGroups.apply')} submit={submit} onClose={onClose}>
      <p>{t('bulkGroups.target', { count: formatCount(count, locale) })}</p>
      <fieldset className="radio-group">
        <legend>{t('bulkGroups.mode')}</legend>
        {groupModes.map((option) => (
          <label key={option} className="radio">
            <input type="radio" name="bulk-group-mode" value={option} checked={mode === option} onChange={() => setMode(option)} />
            <span>
              <strong>{t(`bulkGroups.mode.${option}`)}</strong>
              <span className="muted"> — {t(`bulkGroups.mode.${option}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <CheckboxGroup
        legend={t('field.groups')}
        options={groups.map((group) => ({ id: group.id, label: group.name }))}
        selected={groupIds}
        onChange={setGroupIds}
        emptyText={t('customers.form.noGroups')}
      />
    </ApiFormDialog>
  );
}
