import { Button } from './Button';

type PagerProps = {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
  label: string;
  previousLabel: string;
  nextLabel: string;
  /** "1–50 / 120" in the user's language. */
  formatRange: (from: number, to: number, total: number) => string;
};

/** Previous / next over an offset-paged list, with the rows shown; nothing when one page holds all. */
export function Pager({ offset, pageSize, total, onChange, label, previousLabel, nextLabel, formatRange }: PagerProps) {
  if (total <= pageSize && offset === 0) return null;
  const from = Math.min(offset + 1, total);
  const to = Math.min(offset + pageSize, total);
  return (
    <nav className="pager" aria-label={label}>
      <Button disabled={offset === 0} onClick={() => onChange(Math.max(0, offset - pageSize))}>
        ‹ {previousLabel}
      </Button>
      <span className="pager-range">{formatRange(from, to, total)}</span>
      <Button disabled={offset + pageSize >= total} onClick={() => onChange(offset + pageSize)}>
        {nextLabel} ›
      </Button>
    </nav>
  );
}
