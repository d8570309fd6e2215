import { tiersApi } from '../../api/tiersApi';
import { useApiData } from '../../api/useApiData';

type TierSelectProps = { value: number | null; onChange: (tierId: number | null) => void; emptyLabel: string };

/** A pick among the tiers, highest first; the empty choice is `emptyLabel`. */
export function TierSelect({ value, onChange, emptyLabel }: TierSelectProps) {
  const { data: tiers } = useApiData(() => tiersApi.list(), []);
  return (
    <select value={value ?? ''} onChange={(event) => onChange(event.target.value ? Number(event.target.value) : null)}>
      <option value="">{emptyLabel}</option>
      {(tiers ?? []).map((tier) => (
        <option key={tier.id} value={tier.id}>
          {tier.name}
        </option>
      ))}
    </select>
  );
}
