import { formatDate } from '../../../../shared/format';
import { customersApi } from '../../../api/customersApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/vi';
import { DataTable } from '../../../ui/DataTable';
import { ErrorMessage } from '../../../ui/ErrorMessage';

const reasonKeys: Record<string, MessageKey> = {
  create: 'ownershipReason.create',
  transfer: 'ownershipReason.transfer',
  claim: 'ownershipReason.claim',
  pool: 'ownershipReason.pool',
  conversion: 'ownershipReason.conversion',
  edit: 'ownershipReason.edit',
};

/** Who owned the customer when, newest first. */
export function OwnershipHistory({ customerId }: { customerId: number }) {
  const { t } = useI18n();
  const { data, error, loading } = useApiData(() => customersApi.history(customerId), [customerId]);
  if (error) return <ErrorMessage message={error} />;
  if (loading || !data) return <p>{t('common.loading')}</p>;
  if (data.length === 0) return <p className="muted">{t('customers.history.empty')}</p>;
  return (
    <DataTable
      rows={data}
      columns={[
        { header: t('field.date'), cell: (change) => formatDate(change.at) },
        { header: t('customers.history.from'), cell: (change) => change.fromUserName ?? '—' },
        { header: t('customers.history.to'), cell: (change) => change.toUserName ?? '—' },
        { header: t('customers.history.reason'), cell: (change) => (reasonKeys[change.reason] ? t(reasonKeys[change.reason]) : change.reason) },
      ]}
    />
  );
}
