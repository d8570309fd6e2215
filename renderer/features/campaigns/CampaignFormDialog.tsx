import type { Campaign } from '../../../shared/schemas/campaigns';
import { campaignsApi } from '../../api/campaignsApi';
import { useI18n } from '../../i18n/useI18n';
import { NameFormDialog } from '../common/NameFormDialog';

type CampaignFormDialogProps = { campaign: Campaign | null; onSaved: () => void; onClose: () => void };

/** A new campaign, or a new name for one. */
export function CampaignFormDialog({ campaign, onSaved, onClose }: CampaignFormDialogProps) {
  const { t } = useI18n();
  return (
    <NameFormDialog
      title={campaign ? t('campaigns.editTitle') : t('campaigns.createTitle')}
      labelKey="campaigns.name"
      requiredKey="campaigns.nameRequired"
      initialName={campaign?.name ?? ''}
      maxLength={255}
      save={(name) => (campaign ? campaignsApi.rename(campaign.id, { name }) : campaignsApi.create({ name }))}
      onSaved={onSaved}
      onClose={onClose}
    />
  );
}
