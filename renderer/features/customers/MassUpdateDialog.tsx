import { useState } from 'react';
import type { CareStatus } from '../../../shared/schemas/classification';
import type { MassUpdateResult } from '../../../shared/schemas/customers';
import { customersApi } from '../../api/customersApi';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Field } from '../../ui/Field';
import { CampaignSelect } from '../campaigns/CampaignSelect';
import { ApiFormDialog } from '../common/ApiFormDialog';
import { BulkResultReport } from '../common/BulkResultReport';
import { skippedWithoutRights } from '../common/skippedWithoutRights';
import type { SelectionTarget } from './customerSelection';

type MassUpdateDialogProps = {
  target: SelectionTarget;
  count: number;
  careStatuses: CareStatus[];
  /** Right after the change (the dialog then shows the result until closed). */
  onDone: (result: MassUpdateResult) => void;
  onClose: () => void;
};

/** The care-status choice as a <select> value: '' leaves it, 'null' clears it, else the JSON of the value customers hold. */
const keep = '';
const careStatusValue = (choice: string) => JSON.parse(choice) as string | null;

/**
 * Cập nhật hàng loạt: a care status from the list and/or a campaign to add them to, on the selected
 * customers — or on all matching the filter; then the result report (changed, already so, not allowed).
 */
export function MassUpdateDialog({ target, count, careStatuses, onDone, onClose }: MassUpdateDialogProps) {
  const { t, locale } = useI18n();
  const [careStatus, setCareStatus] = useState(keep);
  const [campaignId, setCampaignId] = useState<number | null>(null);
  const [result, setResult] = useState<MassUpdateResult | null>(null);

  const submit = () => {
    if (careStatus === keep && campaignId === null) return t('massUpdate.pickSomething');
    return async () => {
      const answer = await customersApi.massUpdate({
        ...target,
        ...(careStatus === keep ? {} : { careStatus: careStatusValue(careStatus) }),
        ...(campaignId === null ? {} : { campaignId }),
      });
      setResult(answer);
      onDone(answer);
    };
  };

  if (result) {
    return (
      <BulkResultReport
        title={t('massUpdate.result.title')}
        summary={t('massUpdate.done', { count: formatCount(result.updated, locale) })}
        skipped={[{ count: result.unchanged, reason: t('massUpdate.alreadySo') }, ...skippedWithoutRights(count, result.matched, t)]}
        onClose={onClose}
      />
    );
  }

  return (
    <ApiFormDialog title={t('massUpdate.title')} submitLabel={t('massUpdate.apply')} submit={submit} onClose={onClose}>
      <p>{t('massUpdate.target', { count: formatCount(count, locale) })}</p>
      <Field label={t('field.careStatus')} name="careStatus">
        <select value={careStatus} onChange={(event) => setCareStatus(event.target.value)}>
          <option value={keep}>{t('massUpdate.keep')}</option>
          {careStatuses.map((status) => (
            <option key={status.id} value={JSON.stringify(status.value)}>
              {status.name}
            </option>
          ))}
          <option value="null">{t('massUpdate.clearCareStatus')}</option>
        </select>
      </Field>
      <Field label={t('massUpdate.campaign')} name="campaignId">
        <CampaignSelect value={campaignId} onChange={setCampaignId} emptyLabel={t('massUpdate.noCampaign')} />
      </Field>
    </ApiFormDialog>
  );
}
