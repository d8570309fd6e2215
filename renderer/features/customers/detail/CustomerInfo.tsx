import type { ReactNode } from 'react';
import { formatDate, formatMoney } from '../../../../shared/format';
import type { CareStatus, CustomerGroup } from '../../../../shared/schemas/classification';
import type { Customer } from '../../../../shared/schemas/customers';
import { useI18n } from '../../../i18n/useI18n';
import { CustomerTierSummary } from '../../tiers/CustomerTierSummary';
import { careStatusName } from '../careStatusName';

type CustomerInfoProps = { customer: Customer; groups: CustomerGroup[]; careStatuses: CareStatus[] };

export function CustomerInfo({ customer, groups, careStatuses }: CustomerInfoProps) {
  const { t } = useI18n();
  const groupNames = customer.groupIds.map((id) => groups.find((group) => group.id === id)?.name ?? `#${id}`);
  const items: [string, ReactNode][] = [
    [t('field.code'), customer.code],
    [t('field.name'), customer.name],
    [t('field.type'), customer.typeName],
    [t('field.groups'), groupNames.join(', ')],
    [t('field.phone'), customer.phone],
    [t('field.email'), customer.email],
    [t('field.taxCode'), customer.taxCode],
    [t('field.address'), customer.address],
    [t('field.owner'), customer.inPool ? t('customers.detail.inPool') : customer.ownerName],
    [t('pool.previousOwner'), customer.previousOwnerName],
    [t('field.stars'), `${customer.stars}/5`],
    [t('field.score'), customer.score],
    [t('field.revenue'), formatMoney(customer.revenue)],
    [t('field.tier'), <CustomerTierSummary customer={customer} />],
    [t('field.careStatus'), careStatusName(customer.careStatus, careStatuses)],
    [t('field.tags'), customer.tags.join(', ')],
    [t('field.createdAt'), formatDate(customer.createdAt)],
    [t('field.ownerAssignedAt'), formatDate(customer.ownerAssignedAt)],
  ];
  return (
    <dl className="info-list">
      {items.map(([label, value]) => (
        <div key={label} className="info-item">
          <dt>{label}</dt>
          <dd>{value === null || value === '' ? <span className="muted">—</span> : value}</dd>
        </div>
      ))}
    </dl>
  );
}
