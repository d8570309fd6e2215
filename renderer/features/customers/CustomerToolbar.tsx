import type { ReactNode } from 'react';
import type { CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { SearchBox } from '../../ui/SearchBox';
import type { ToolbarFilter } from './buildCustomerFilter';
import { StarsFilter } from './StarsFilter';

export type ToolbarActions = {
  create: () => void;
  view: (() => void) | null;
  edit: (() => void) | null;
  remove: (() => void) | null;
  changeGroups: (() => void) | null;
  recycleBin: () => void;
};

type CustomerToolbarProps = {
  filter: ToolbarFilter;
  onFilterChange: (filter: ToolbarFilter) => void;
  types: CustomerType[];
  groups: CustomerGroup[];
  actions: ToolbarActions;
  /** Shown at the right end of the filter row: the selection status. */
  status: ReactNode;
};

/** An action on the selection, disabled while the selection does not allow it. */
function SelectionAction({ action, label }: { action: (() => void) | null; label: string }) {
  return (
    <Button disabled={!action} onClick={action ?? undefined}>
      {label}
    </Button>
  );
}

type IdFilterProps = {
  label: string;
  /** The empty choice, filtering nothing. */
  allLabel: string;
  options: { id: number; name: string }[];
  value: number | undefined;
  onChange: (id: number | undefined) => void;
};

/** A labelled pick of one type or group to filter by. */
function IdFilter({ label, allLabel, options, value, onChange }: IdFilterProps) {
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{label}</span>
      <select value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Actions on the selection (null = not available now) and the list filters. */
export function CustomerToolbar({ filter, onFilterChange, types, groups, actions, status }: CustomerToolbarProps) {
  const { t } = useI18n();
  const hasFilter = Boolean(filter.search || filter.typeId || filter.groupId || filter.stars?.length);
  return (
    <div className="toolbar">
      <div className="toolbar-row">
        <Button variant="primary" onClick={actions.create}>
          {t('customers.add')}
        </Button>
        <SelectionAction action={actions.view} label={t('common.view')} />
        <SelectionAction action={actions.edit} label={t('common.edit')} />
        <SelectionAction action={actions.remove} label={t('common.delete')} />
        <SelectionAction action={actions.changeGroups} label={t('customers.changeGroups')} />
        <Button onClick={actions.recycleBin}>{t('customers.recycleBin')}</Button>
        <div className="toolbar-spacer" />
        <SearchBox value={filter.search ?? ''} onSearch={(search) => onFilterChange({ ...filter, search })} label={t('customers.search')} />
      </div>
      <div className="toolbar-row toolbar-filters">
        <IdFilter label={t('field.type')} allLabel={t('customers.filter.allTypes')} options={types} value={filter.typeId} onChange={(typeId) => onFilterChange({ ...filter, typeId })} />
        <IdFilter label={t('customers.filter.group')} allLabel={t('customers.filter.allGroups')} options={groups} value={filter.groupId} onChange={(groupId) => onFilterChange({ ...filter, groupId })} />
        <StarsFilter value={filter.stars ?? []} onChange={(stars) => onFilterChange({ ...filter, stars })} />
        {hasFilter && (
          <Button variant="link" onClick={() => onFilterChange({})}>
            {t('customers.filter.clear')}
          </Button>
        )}
        <div className="toolbar-spacer" />
        {status}
      </div>
    </div>
  );
}
