import { useState, type FormEvent, type ReactNode } from 'react';
import { opportunityStages } from '../../../shared/schemas/enums';
import type { OpportunityFilter } from '../../../shared/schemas/opportunities';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { FormErrorContext, type FormError } from '../../ui/formErrorContext';
import { UserPicker } from '../common/UserPicker';
import { DayRangeFields } from '../common/DayRangeFields';
import { problemText } from './formProblem';
import { emptySearch, searchFilter, type SearchDraft } from './opportunitySearch';

type OpportunitySearchPanelProps = {
  onSearch: (filter: OpportunityFilter) => void;
  /** Nhập lại: the panel is cleared; the page drops its link filters too. */
  onReset: () => void;
  /** Filters set by a link (a slice of the lost-reason chart), shown as chips at the end. */
  chips?: ReactNode;
};

/**
 * S2: number, name, customer, creator, stage (with Theo dõi = following), start and expected ranges.
 * Nothing is sent until Tìm kiếm (or Enter); Nhập lại clears the panel and shows everything again.
 */
export function OpportunitySearchPanel({ onSearch, onReset, chips }: OpportunitySearchPanelProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<SearchDraft>(emptySearch);
  const [error, setError] = useState<FormError | null>(null);
  const set = <Key extends keyof SearchDraft>(key: Key, value: SearchDraft[Key]) => setDraft((current) => ({ ...current, [key]: value }));
  const text = (key: 'number' | 'name' | 'customer') => ({ value: draft[key], onChange: (event: { target: { value: string } }) => set(key, event.target.value) });

  const search = (event: FormEvent) => {
    event.preventDefault();
    const result = searchFilter(draft);
    if ('error' in result) return setError(problemText(t, result.error));
    setError(null);
    onSearch(result.filter);
  };
  const reset = () => {
    setDraft(emptySearch);
    setError(null);
    onReset();
  };

  return (
    <form className="search-panel" role="search" aria-label={t('opportunities.search.title')} onSubmit={search} noValidate>
      <FormErrorContext.Provider value={error}>
        <div className="search-panel-fields">
          <label className="field">
            <span className="field-label">{t('opportunities.field.number')}</span>
            <input {...text('number')} maxLength={40} size={10} />
          </label>
          <label className="field">
            <span className="field-label">{t('opportunities.field.name')}</span>
            <input {...text('name')} maxLength={200} />
          </label>
          <label className="field">
            <span className="field-label">{t('opportunities.field.customer')}</span>
            <input {...text('customer')} maxLength={200} />
          </label>
          <label className="field">
            <span className="field-label">{t('opportunities.field.creator')}</span>
            <UserPicker scope="any" value={draft.creator} onChange={(creator) => set('creator', creator)} clearLabel={t('opportunities.search.anyCreator')} placeholder={t('opportunities.search.anyCreator')} />
          </label>
          <label className="field">
            <span className="field-label">{t('opportunities.field.stage')}</span>
            <select
              value={draft.stage}
              onChange={(event) => set('stage', event.target.value === 'following' ? 'following' : (opportunityStages.find((stage) => stage === event.target.value) ?? ''))}
            >
              <option value="">{t('opportunities.search.allStages')}</option>
              <option value="following">{t('opportunities.search.following')}</option>
              {opportunityStages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`opportunityStage.${stage}`)}
                </option>
              ))}
            </select>
          </label>
          <DayRangeFields legend={t('opportunities.field.startDate')} value={draft.start} onChange={(start) => set('start', start)} fromField="startFrom" toField="startTo" />
          <DayRangeFields
            legend={t('opportunities.field.expectedDate')}
            value={draft.expected}
            onChange={(expected) => set('expected', expected)}
            fromField="expectedFrom"
            toField="expectedTo"
          />
          <div className="search-panel-buttons">
            <Button type="submit" variant="primary">
              {t('opportunities.search.search')}
            </Button>
            <Button onClick={reset}>{t('opportunities.search.reset')}</Button>
          </div>
        </div>
      </FormErrorContext.Provider>
      <ErrorMessage message={error?.message} />
      {chips}
    </form>
  );
}
