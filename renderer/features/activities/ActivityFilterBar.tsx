import { formatDate } from '../../../shared/format';
import { activityStatuses, activityTypes } from '../../../shared/schemas/enums';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { EnumSelect } from '../../ui/EnumSelect';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FormErrorContext } from '../../ui/formErrorContext';
import { SearchBox } from '../../ui/SearchBox';
import { DayRangeFields } from '../common/DayRangeFields';
import { noRange, type DayRangeProblem, type RangeEnd } from '../common/dayRange';
import { UserPicker } from '../common/UserPicker';
import { FilterChip } from '../customers/FilterChip';
import { emptyActivityToolbar, type ActivityToolbar } from './activityFilter';
import { activityTypeLabel } from './activityTypeLabel';

type ActivityFilterBarProps = {
  toolbar: ActivityToolbar;
  onChange: (toolbar: ActivityToolbar) => void;
  /** The range's ends in force (a range being typed keeps the last good one until it parses). */
  days: Partial<Record<RangeEnd, string>>;
  /** Why the typed range is not applied, shown at its input. */
  rangeProblem: DayRangeProblem | null;
  /** Managers and admins see others' activities, so they may narrow by owner; staff see only their customers'. */
  mayFilterOwner: boolean;
};

type Chip = { key: string; label: string; clear: Partial<ActivityToolbar> };

/**
 * Giao dịch filters: search (applied once typing pauses), a day range typed dd/MM/yyyy or picked
 * as a period, type, status and owner; every filter in force as a removable chip, and Xóa bộ lọc.
 */
export function ActivityFilterBar({ toolbar, onChange, days, rangeProblem, mayFilterOwner }: ActivityFilterBarProps) {
  const { t } = useI18n();
  const set = (patch: Partial<ActivityToolbar>) => onChange({ ...toolbar, ...patch });

  const rangeLabel = () => {
    if (toolbar.range.period) return t('activities.chip.period', { period: t(`period.${toolbar.range.period}`) });
    if (days.from && days.to) return t('activities.chip.range', { from: formatDate(days.from), to: formatDate(days.to) });
    return days.from ? t('activities.chip.from', { from: formatDate(days.from) }) : t('activities.chip.to', { to: formatDate(days.to) });
  };
  const search = toolbar.search.trim();
  const chips: Chip[] = [
    ...(search ? [{ key: 'search', label: t('activities.chip.search', { text: search }), clear: { search: '' } }] : []),
    ...(days.from || days.to ? [{ key: 'range', label: rangeLabel(), clear: { range: noRange } }] : []),
    ...(toolbar.type ? [{ key: 'type', label: t('activities.chip.type', { type: activityTypeLabel(t, toolbar.type) }), clear: { type: '' } }] : []),
    ...(toolbar.status ? [{ key: 'status', label: t('activities.chip.status', { status: t(`activityStatus.${toolbar.status}`) }), clear: { status: '' as const } }] : []),
    ...(toolbar.owner ? [{ key: 'owner', label: t('activities.chip.owner', { name: toolbar.owner.fullName }), clear: { owner: null } }] : []),
  ];
  const rangeError = rangeProblem && {
    field: rangeProblem.end,
    message: t(rangeProblem.reason === 'invalid' ? 'activities.rangeInvalid' : 'activities.rangeReversed'),
  };

  return (
    <>
      <div className="toolbar-row toolbar-filters activity-filters">
        <SearchBox value={toolbar.search} onSearch={(text) => set({ search: text })} label={t('activities.search')} />
        <FormErrorContext.Provider value={rangeError}>
          <DayRangeFields legend={t('activities.dateRange')} value={toolbar.range} onChange={(range) => set({ range })} fromField="from" toField="to" />
        </FormErrorContext.Provider>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('field.activityType')}</span>
          <select value={toolbar.type} onChange={(event) => set({ type: event.target.value })}>
            <option value="">{t('activities.allTypes')}</option>
            {activityTypes.map((type) => (
              <option key={type} value={type}>
                {t(`activityType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="toolbar-label">{t('field.status')}</span>
          <EnumSelect value={toolbar.status} options={activityStatuses} optionLabel={(status) => t(`activityStatus.${status}`)} fallback="" onChange={(status) => set({ status })}>
            <option value="">{t('activities.allStatuses')}</option>
          </EnumSelect>
        </label>
        {mayFilterOwner && (
          <label className="toolbar-field">
            <span className="toolbar-label">{t('activities.owner')}</span>
            <UserPicker scope="any" value={toolbar.owner} onChange={(owner) => set({ owner })} clearLabel={t('activities.allOwners')} placeholder={t('activities.allOwners')} />
          </label>
        )}
      </div>
      <ErrorMessage message={rangeError?.message} />
      {chips.length > 0 && (
        <div className="toolbar-row chips">
          {chips.map((chip) => (
            <FilterChip key={chip.key} label={chip.label} removeLabel={t('activities.chip.remove', { filter: chip.label })} onRemove={() => set(chip.clear)} />
          ))}
          <Button variant="link" onClick={() => onChange(emptyActivityToolbar)}>
            {t('activities.clearFilters')}
          </Button>
        </div>
      )}
    </>
  );
}
