import { formatDate } from '../../../shared/format';
import { campaignsApi } from '../../api/campaignsApi';
import { useApiData } from '../../api/useApiData';
import { useSession } from '../../app/sessionContext';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { ConfirmActionDialog } from '../common/ConfirmActionDialog';
import { EditableListSection } from '../common/EditableListSection';
import { CampaignFormDialog } from './CampaignFormDialog';

/**
 * Chiến dịch: every campaign with the customers the user may open in it (a link to them in the
 * customer grid). Managers and admins add campaigns, and rename or delete those they manage.
 */
export function CampaignsPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { data, error, reload } = useApiData(() => campaignsApi.list(), []);
  return (
    <section className="page campaigns-page">
      <h1 className="page-title">{t('nav.campaigns')}</h1>
      <p className="muted">{t('campaigns.hint')}</p>
      <EditableListSection
        label={t('nav.campaigns')}
        addLabel={t('campaigns.add')}
        emptyText={t('campaigns.empty')}
        rows={data}
        error={error}
        reload={reload}
        editable={user.role !== 'staff'}
        rowEditable={(campaign) => campaign.canManage}
        columns={[
          { header: t('campaigns.name'), cell: (campaign) => campaign.name },
          {
            header: t('campaigns.members'),
            numeric: true,
            cell: (campaign) => <a href={`#/customers?campaign=${campaign.id}`}>{t('campaigns.viewMembers', { count: formatCount(campaign.memberCount, locale) })}</a>,
          },
          { header: t('campaigns.owner'), cell: (campaign) => campaign.ownerName },
          { header: t('campaigns.createdAt'), cell: (campaign) => formatDate(campaign.createdAt) },
        ]}
        renderForm={(campaign, { onDone, onClose }) => <CampaignFormDialog campaign={campaign} onSaved={onDone} onClose={onClose} />}
        renderDelete={(campaign, { onDone, onClose }) => (
          <ConfirmActionDialog
            title={t('campaigns.deleteTitle')}
            message={t('campaigns.deleteConfirm', { name: campaign.name })}
            action={() => campaignsApi.remove(campaign.id).then(() => undefined)}
            onDone={onDone}
            onClose={onClose}
          />
        )}
      />
    </section>
  );
}
