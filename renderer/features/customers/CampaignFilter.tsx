import { useI18n } from '../../i18n/useI18n';
import { CampaignSelect } from '../campaigns/CampaignSelect';

type CampaignFilterProps = { value: number | undefined; onChange: (campaignId: number | undefined) => void };

/** The toolbar's campaign pick: members of one campaign, or every customer. */
export function CampaignFilter({ value, onChange }: CampaignFilterProps) {
  const { t } = useI18n();
  return (
    <label className="toolbar-field">
      <span className="toolbar-label">{t('customers.filter.campaign')}</span>
      <CampaignSelect value={value ?? null} onChange={(campaignId) => onChange(campaignId ?? undefined)} emptyLabel={t('customers.filter.allCampaigns')} />
    </label>
  );
}
