import type { ReactNode } from 'react';
import type { CareStatus, CustomerGroup, CustomerType } from '../../../shared/schemas/classification';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { MultiSelect } from '../../ui/MultiSelect';
import { SearchBox } from '../../ui/SearchBox';
import { UserPicker } from '../common/UserPicker';
import type { ToolbarFilter } from './buildCustomerFilter';
import { CampaignFilter } from './CampaignFilter';
import { FilterChip } from './FilterChip';
import { StarsFilter } from './StarsFilter';
import { TierFilter } from '../tiers/TierFilter';

export type ToolbarActions = {
  create: () => void;
  view: (() => void) | null;
  edit: (() => void) | null;
  remove: (() => void) | null;
  changeGroups: (() => void) | null;
  massUpdate: (() => void) | null;
  /** Absent for staff: only managers and admins transfer. */
  transferOwner?: (() => void) | null;
  share: (() => void) | null;
  /** Đưa vào Khách hàng chung; absent for staff, like transferOwner. */
  addToPool?: (() => void) | null;
  recycleBin: () => void;
};

type CustomerToolbarProps = {
  filter: ToolbarFilter;
  onFilterChange: (filter: ToolbarFilter) => void;
  types: CustomerType[];
  groups: CustomerGroup[];
  careStatuses: CareStatus[];
  actions: ToolbarActions;
  /** Shown at the right end of the filter row: the selection status. */
  status: ReactNode;
  /** The grid's layout controls (Chọn cột, density), before the search box. */
  gridControls: ReactNode;
};

/** An action on the selection, disabled while the selection does not allow it. */
function SelectionAction({ action, label }: { action: (() => void) | null; label: string }) {
  return (
    <Button disabled={!action} onClick={action ?? undefined}>
      {label}
    </Button>
  );
}

/** Actions on the selection (null = not available now) and the list filters. */
export function CustomerToolbar({ filter, onFilterChange, types, groups, careStatuses, actions, status, gridControls }: CustomerToolbarProps) {
  const { t } = useI18n();
  const hasFilter = Boolean(filter.search || filter.typeId?.length || filter.groupId?.length || filter.stars?.length || filter.owner || filter.careStatus || filter.batchId || filter.campaignId || filter.tierId || filter.poolDueWithin !== undefined);
  const options = (items: { id: number; name: string }[]) => items.map((item) => ({ id: item.id, label: item.name }));
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
        <SelectionAction action={actions.massUpdate} label={t('customers.massUpdate')} />
        {actions.transferOwner !== undefined && <SelectionAction action={actions.transferOwner} label={t('customers.transferOwner')} />}
        <SelectionAction action={actions.share} label={t('customers.share')} />
        {actions.addToPool !== undefined && <SelectionAction action={actions.addToPool} label={t('pool.add')} />}
        <Button onClick={actions.recycleBin}>{t('customers.recycleBin')}</Button>
        <div className="toolbar-spacer" />
        {gridControls}
        <SearchBox value={filter.search ?? ''} onSearch={(search) => onFilterChange({ ...filter, search })} label={t('customers.search')} />
      </div>
      <div className="toolbar-row toolbar-filters">
        <MultiSelect
          label={t('field.type')}
          options={options(types)}
          value={filter.typeId ?? []}
          onChange={(typeId) => onFilterChange({ ...filter, typeId })}
          allLabel={t('customers.filter.allTypes')}
          countLabel={(count) => t('customers.filter.typesChosen', { count })}
          clearLabel={t('customers.filter.clearChoice')}
        />
        <MultiSelect
          label={t('customers.filter.group')}
          options={options(groups)}
          value={filter.groupId ?? []}
          onChange={(groupId) => onFilterChange({ ...filter, groupId })}
          allLabel={t('customers.filter.allGroups')}
          countLabel={(count) => t('customers.filter.groupsChosen', { count })}
          clearLabel={t('customers.filter.clearChoice')}
        />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('field.careStatus')}</span>
          <select value={filter.careStatus ?? ''} onChange={(event) => onFilterChange({ ...filter, careStatus: event.target.value || undefined })}>
            <option value="">{t('customers.filter.allCareStatuses')}</option>
            {careStatuses.map((careStatus) => (
              <option key={careStatus.id} value={careStatus.value}>
                {careStatus.name}
              </option>
            ))}
          </select>
        </label>
        <CampaignFilter value={filter.campaignId} onChange={(campaignId) => onFilterChange({ ...filter, campaignId })} />
        <label className="toolbar-field">
          <span className="toolbar-label">{t('field.owner')}</span>
          <UserPicker
            scope="any"
            value={filter.owner ?? null}
            onChange={(owner) => onFilterChange({ ...filter, owner })}
            clearLabel={t('customers.filter.allOwners')}
            placeholder={t('customers.filter.allOwners')}
          />
        </label>
        <TierFilter value={filter.tierId} onChange={(tierId) => onFilterChange({ ...filter, tierId })} />
        <StarsFilter value={filter.stars ?? []} onChange={(stars) => onFilterChange({ ...filter, stars })} />
        {filter.batchId && (
          <FilterChip
            label={t('customers.filter.batch', { id: filter.batchId })}
            removeLabel={t('customers.filter.removeBatch', { id: filter.batchId })}
            onRemove={() => onFilterChange({ ...filter, batchId: undefined })}
          />
        )}
        {filter.poolDueWithin !== undefined && (
          <FilterChip
            label={t('customers.filter.poolDue', { days: filter.poolDueWithin })}
            removeLabel={t('customers.filter.removePoolDue')}
            onRemove={() => onFilterChange({ ...filter, poolDueWithin: undefined })}
          />
        )}
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
