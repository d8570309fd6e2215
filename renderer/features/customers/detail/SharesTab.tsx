import { formatDate } from '../../../../shared/format';
import type { CustomerShare } from '../../../../shared/schemas/customers';
import type { sharedRecordTypes } from '../../../../shared/schemas/enums';
import { customersApi } from '../../../api/customersApi';
import { useApiData } from '../../../api/useApiData';
import type { Translate } from '../../../i18n/translate';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/vi';
import { DataTable } from '../../../ui/DataTable';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { infoTypeLabels } from '../../ownership/infoTypeLabels';

const recordTypeLabels: Record<(typeof sharedRecordTypes)[number], MessageKey> = {
  activity: 'shares.records.activity',
  opportunity: 'shares.records.opportunity',
  quote: 'shares.records.quote',
  contract: 'shares.records.contract',
  order: 'shares.records.order',
};

/** Why the user sees the customer, in a sentence. */
function reasonText(share: CustomerShare, t: Translate): string {
  switch (share.source) {
    case 'share':
      return share.sharedByName ? t('shares.reason.shareBy', { name: share.sharedByName }) : t('shares.reason.share');
    case 'assigned':
      return t('shares.reason.assigned');
    case 'multi_assign':
      return share.ruleName ? t('shares.reason.rule', { name: share.ruleName }) : t('shares.reason.multiAssign');
    case 'transfer':
      return share.batchId
        ? t('shares.reason.batch', { id: share.batchId, date: formatDate(share.sharedAt) })
        : t('shares.reason.records');
  }
}

/** Who sees it: the user, and the department through which a share with a department reaches them. */
function whoText(share: CustomerShare, t: Translate): string {
  return share.departmentName === null ? share.userName : t('shares.department', { name: share.userName, department: share.departmentName });
}

/** What the user sees: the shared info types, or for old records shared by a transfer, how many of each. */
function seenText(share: CustomerShare, t: Translate): string {
  if (share.source === 'transfer') return share.records.map((record) => t(recordTypeLabels[record.type], { count: record.count })).join(', ');
  return share.infoTypes.map((type) => t(infoTypeLabels[type])).join(', ');
}

/** "Chia sẻ": who sees the customer, what and why (for those who may edit it; the server refuses others). */
export function SharesTab({ customerId, changes }: { customerId: number; changes: number }) {
  const { t } = useI18n();
  const { data, error, loading } = useApiData(() => customersApi.shares(customerId), [customerId, changes]);
  if (error) return <ErrorMessage message={error} />;
  if (loading && !data) return <p>{t('common.loading')}</p>;
  if (!data || data.length === 0) return <p className="muted">{t('shares.empty')}</p>;
  return (
    <section aria-label={t('customers.detail.shares')}>
      <DataTable
        rows={data.map((share, index) => ({ ...share, id: index }))}
        columns={[
          { header: t('shares.user'), cell: (share) => whoText(share, t) },
          { header: t('shares.sees'), cell: (share) => seenText(share, t) },
          { header: t('shares.reason'), cell: (share) => reasonText(share, t) },
          { header: t('shares.since'), cell: (share) => formatDate(share.sharedAt) },
        ]}
      />
    </section>
  );
}
