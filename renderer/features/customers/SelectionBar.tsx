import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { selectionCount, type CustomerSelection } from './customerSelection';

type SelectionBarProps = {
  selection: CustomerSelection;
  loadedCount: number;
  total: number;
  onSelectAllMatching: () => void;
  onClear: () => void;
};

/** "2 selected"; once every loaded row is ticked and more match, offers to select all N matching. */
export function SelectionBar({ selection, loadedCount, total, onSelectAllMatching, onClear }: SelectionBarProps) {
  const { t, locale } = useI18n();
  const count = selectionCount(selection);
  if (count === 0) return null;
  const number = (value: number) => formatCount(value, locale);
  const wholePageSelected = selection.kind === 'rows' && count === loadedCount && total > loadedCount;
  return (
    <div className="selection-bar" role="status">
      {selection.kind === 'allMatching' ? (
        <span>{t('customers.selection.allMatching', { count: number(count) })}</span>
      ) : (
        <span>{t('customers.selection.count', { count: number(count) })}</span>
      )}
      {wholePageSelected && (
        <Button variant="link" onClick={onSelectAllMatching}>
          {t('customers.selection.selectAllMatching', { total: number(total) })}
        </Button>
      )}
      <Button variant="link" onClick={onClear}>
        {t('customers.selection.clear')}
      </Button>
    </div>
  );
}
