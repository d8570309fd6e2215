import { useState } from 'react';
import type { Campaign } from '../../../shared/schemas/campaigns';
import { campaignsApi } from '../../api/campaignsApi';
import type { FieldLabels } from '../../api/describeError';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { ApiFormDialog } from '../common/ApiFormDialog';

type CampaignFormDialogProps = { campaign: Campaign | null; onSaved: () => void; onClose: () => void };

/** An error about `name` here means the campaign's name. */
const fieldLabels: FieldLabels = { name: 'campaigns.name' };

/** A new campaign, or a new name for one. */
export function CampaignFormDialog({ campaign, onSaved, onClose }: CampaignFormDialogProps) {
  const { t } = useI18n();
  const [name, setName] = useState(campaign?.name ?? '');
  const submit = () => {
    if (!name.trim()) return { field: 'name', message: t('campaigns.nameRequired') };
    return async () => {
      if (campaign) await campaignsApi.rename(campaign.id, { name: name.trim() });
      else await campaignsApi.create({ name: name.trim() });
      onSaved();
    };
  };
  return (
    <ApiFormDialog title={campaign ? t('campaigns.editTitle') : t('campaigns.createTitle')} fieldLabels={fieldLabels} submit={submit} onClose={onClose}>
      <Field label={t('campaigns.name')} name="name" required>
        <input value={name} onChange={(event) => setName(event.target.value)} maxLength={255} autoFocus />
      </Field>
    </ApiFormDialog>
  );
}
