import { campaignsApi } from '../../api/campaignsApi';
import { useApiData } from '../../api/useApiData';

type CampaignSelectProps = {
  value: number | null;
  onChange: (campaignId: number | null) => void;
  /** The first option, meaning no campaign ("Tất cả chiến dịch", "— Không thêm —"…). */
  emptyLabel: string;
};

/** A pick among the live campaigns, loaded here; put it inside a labelled field. */
export function CampaignSelect({ value, onChange, emptyLabel }: CampaignSelectProps) {
  const { data, error } = useApiData(() => campaignsApi.list(), []);
  return (
    <>
      <select value={value ?? ''} onChange={(event) => onChange(Number(event.target.value) || null)}>
        <option value="">{emptyLabel}</option>
        {(data ?? []).map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </select>
      {error && <span className="field-error">{error}</span>}
    </>
  );
}
