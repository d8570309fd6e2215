import { tiersApi } from '../../api/tiersApi';
import { useApiData } from '../../api/useApiData';
import { useI18n } from '../../i18n/useI18n';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { useToast } from '../../ui/toastContext';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { TierFormDialog } from './TierFormDialog';
import { TierSettingsForm } from './TierSettingsForm';
import { tierThreshold } from './tierThreshold';

/** Thiết lập › Phân cấp khách hàng (C4, admins): the basis, auto-update, and the tiers, highest first. */
export function TiersTab() {
  const { t } = useI18n();
  const showToast = useToast();
  const settings = useApiData(() => tiersApi.settings(), []);
  const tiers = useApiData(() => tiersApi.list(), []);
  if (settings.error) return <ErrorMessage message={settings.error} />;
  if (!settings.data) return <p className="muted">{t('common.loading')}</p>;
  const basis = settings.data.basis;
  return (
    <div className="tiers-settings">
      <TierSettingsForm settings={settings.data} onSaved={() => { settings.reload(); tiers.reload(); }} />
      <EditableListSection
        label={t('settings.tiers')}
        addLabel={t('tiers.add')}
        emptyText={t('tiers.empty')}
        rows={tiers.data}
        error={tiers.error}
        reload={tiers.reload}
        columns={[
          { header: t('tiers.name'), cell: (tier) => tier.name },
          { header: t('tiers.threshold'), cell: (tier) => tierThreshold(tier, t) },
          { header: t('tiers.discount'), numeric: true, cell: (tier) => `${tier.discountPercent.toLocaleString('vi-VN')}%` },
          { header: t('tiers.customerCount'), numeric: true, cell: (tier) => tier.customerCount.toLocaleString('vi-VN') },
        ]}
        renderForm={(tier, { onDone, onClose }) => (
          <TierFormDialog
            tier={tier}
            basis={basis}
            onClose={onClose}
            onSaved={(result, applied) => {
              if (applied) showToast(t('tiers.repriced', { count: result.repricedLines.toLocaleString('vi-VN') }));
              onDone();
            }}
          />
        )}
        renderDelete={(tier, { onDone, onClose }) => (
          <ConfirmActionDialog
            title={t('tiers.deleteTitle')}
            message={t('tiers.deleteConfirm', { name: tier.name, count: tier.customerCount })}
            action={() => tiersApi.remove(tier.id).then(() => undefined)}
            onDone={onDone}
            onClose={onClose}
          />
        )}
      />
    </div>
  );
}
