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

function idOrUndefined(value: string): number | undefined {
  return value ? Number(value) : undefined;
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
        <Button disabled={!actions.view} onClick={actions.view ?? undefined}>
          {t('common.view')}
        </Button>
        <Button disabled={!actions.edit} onClick={actions.edit ?? undefined}>
          {t('common.edit')}
        </Button>
        <Button disabled={!actions.remove} onClick={actions.remove ?? undefined}>
          {t('common.delete')}
        </Button>
        <Button disabled={!actions.changeGroups} onClick={actions.changeGroups ?? undefined}>
          {t('customers.changeGroups')}
        </Button>
        <Button onClick={actions.recycleBin}>{t('customers.recycleBin')}</Button>
        <div className="toolbar-spacer" />
        <SearchBox value={filter.search ?? ''} onSearch={(search) => onFilterChange({ ...filter, search })} label={t('customers.search')} />
      </div>
      <div className="toolbar-row toolbar-filters">
        <label className="toolbar-field">
          <span className="toolbar-label">{t('field.type')}</span>
          <select value={filter.typeId ?? ''} onChange={(event) => onFilterChange({ ...filter, typeId: idOrUndefined(event.target.value) })}>
            <option value="">{t('customers.filter.allTypes')}</option>
            {types.map((type) => (
              <option key={type.id} value={type.id}>
                {type.name}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('customers.filter.group')}</span>
          <select value={filter.groupId ?? ''} onChange={(event) => onFilterChange({ ...filter, groupId: idOrUndefined(event.target.value) })}>
            <option value="">{t('customers.filter.allGroups')}</option>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </label>
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
