import { useState } from 'react';
import type { CustomerGroup } from '../../../shared/schemas/classification';
import { groupModes, type GroupMode } from '../../../shared/schemas/enums';
import { customersApi } from '../../api/customersApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { RadioChoices } from '../../ui/RadioChoices';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { BulkResultReport } from '../common/BulkResultReport';
import { skippedWithoutRights } from '../common/skippedWithoutRights';
import type { SelectionTarget } from './customerSelection';

type BulkGroupsDialogProps = {
  target: SelectionTarget;
  count: number;
  groups: CustomerGroup[];
  /** Right after the change (the dialog then shows the result until closed). */
  onDone: (updated: number) => void;
  onClose: () => void;
};

/** C3: move to (replace), add or remove groups on the selected customers — or on all matching the filter; then the result report. */
export function BulkGroupsDialog({ target, count, groups, onDone, onClose }: BulkGroupsDialogProps) {
  const { t, locale } = useI18n();
  const [mode, setMode] = useState<GroupMode>('move');
  const [groupIds, setGroupIds] = useState<number[]>([]);
  const [updated, setUpdated] = useState<number | null>(null);

  const submit = () => {
    if (groupIds.length === 0) return t('bulkGroups.pickGroup');
    return async () => {
      const result = await customersApi.changeGroups({ ...target, groupIds, mode });
      setUpdated(result.updated);
      onDone(result.updated);
    };
  };

  if (updated !== null) {
    return (
      <BulkResultReport
        title={t('bulkGroups.result.title')}
        summary={t('bulkGroups.done', { count: formatCount(updated, locale) })}
        skipped={skippedWithoutRights(count, updated, t)}
        onClose={onClose}
      />
    );
  }

  return (
    <ApiFormDialog title={t('bulkGroups.title')} submitLabel={t('bulkGroups.apply')} submit={submit} onClose={onClose}>
      <p>{t('bulkGroups.target', { count: formatCount(count, locale) })}</p>
      <RadioChoices
        legend={t('bulkGroups.mode')}
        name="bulk-group-mode"
        choices={groupModes.map((option) => ({ value: option, label: t(`bulkGroups.mode.${option}`), hint: t(`bulkGroups.mode.${option}.hint`) }))}
        value={mode}
        onChange={setMode}
      />
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
