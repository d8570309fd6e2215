type FilterChipProps = { label: string; removeLabel: string; onRemove: () => void };

/** A filter a link set (a transfer batch, customers a pool rule takes soon), shown with × to drop it. */
export function FilterChip({ label, removeLabel, onRemove }: FilterChipProps) {
  return (
    <span className="chip">
      {label}
      <button type="button" aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </span>
  );
}
