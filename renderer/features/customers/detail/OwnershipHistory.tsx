import { formatDate } from '../../../../shared/format';
import { customersApi } from '../../../api/customersApi';
import { useApiData } from '../../../api/useApiData';
import { useI18n } from '../../../i18n/useI18n';
import type { MessageKey } from '../../../i18n/vi';
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
    <table className="table">
      <thead>
        <tr>
          <th>{t('field.date')}</th>
          <th>{t('customers.history.from')}</th>
          <th>{t('customers.history.to')}</th>
          <th>{t('customers.history.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {data.map((change) => (
          <tr key={change.id}>
            <td>{formatDate(change.at)}</td>
            <td>{change.fromUserName ?? '—'}</td>
            <td>{change.toUserName ?? '—'}</td>
            <td>{reasonKeys[change.reason] ? t(reasonKeys[change.reason]) : change.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
