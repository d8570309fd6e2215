import type { ReactNode } from 'react';
import { formatDate, formatMoney } from '../../../../shared/format';
import type { Customer } from '../../../../shared/schemas/customers';
import type { InfoType } from '../../../../shared/schemas/enums';
import type { Opportunity } from '../../../../shared/schemas/opportunities';
import { opportunitiesApi } from '../../../api/opportunitiesApi';
import type { PageOf } from '../../../api/PageOf';
import { salesDocumentsApi } from '../../../api/salesDocumentsApi';
import type { Translate } from '../../../i18n/translate';
import type { MessageKey } from '../../../i18n/vi';
import type { Column } from '../../../ui/DataTable';
import { RecordListTab, type RecordListQuery } from './RecordListTab';

export type SalesTabId = 'opportunities' | 'quotes' | 'contracts' | 'orders' | 'payments';

/** A read-only tab of the customer detail: shown when the caller may see `infoType` of the customer. */
export type SalesTab = { id: SalesTabId; infoType: InfoType; label: MessageKey; render: (customer: Customer, t: Translate) => ReactNode };

type SalesTabSpec<Row> = {
  id: SalesTabId;
  infoType: InfoType;
  label: MessageKey;
  empty: MessageKey;
  list: (query: RecordListQuery) => Promise<PageOf<Row>>;
  columns: (t: Translate) => Column<Row>[];
  /** The revenue line above the table. */
  withRevenue?: boolean;
};

/** "Doanh thu: … · Đã thanh toán: …": what the tiers (C4) count, over all the customer's contracts and payments. */
function RevenueSummary({ customer, t }: { customer: Customer; t: Translate }) {
  if (customer.revenue === null || customer.paid === null) return null;
  return (
    <p className="sales-summary">
      {t('salesTabs.summary', { revenue: formatMoney(customer.revenue), paid: formatMoney(customer.paid) })}
    </p>
  );
}

function salesTab<Row extends { id: number }>(spec: SalesTabSpec<Row>): SalesTab {
  return {
    id: spec.id,
    infoType: spec.infoType,
    label: spec.label,
    render: (customer, t) => (
      <RecordListTab
        key={`${spec.id}-${customer.id}`}
        customerId={customer.id}
        label={t(spec.label)}
        list={spec.list}
        columns={spec.columns}
        emptyText={t(spec.empty)}
        summary={spec.withRevenue ? <RevenueSummary customer={customer} t={t} /> : undefined}
      />
    ),
  };
}

const number = (t: Translate): Column<{ number: string }> => ({ header: t('salesTabs.number'), cell: (row) => row.number });
const day = (t: Translate): Column<{ date: string }> => ({ header: t('field.date'), cell: (row) => formatDate(row.date) });
const owner = (t: Translate): Column<{ ownerName: string | null }> => ({ header: t('field.owner'), cell: (row) => row.ownerName });
const value = (t: Translate): Column<{ value: number }> => ({ header: t('salesTabs.value'), numeric: true, cell: (row) => formatMoney(row.value) });

function stageLabel(t: Translate, opportunity: Opportunity): string {
  const stage = t(`opportunityStage.${opportunity.stage}`);
  return opportunity.lostReason ? `${stage} (${opportunity.lostReason})` : stage;
}

/** In tab order; payments follow the contracts info type, like the server's access rules. */
export const salesTabs: SalesTab[] = [
  salesTab<Opportunity>({
    id: 'opportunities', infoType: 'opportunities', label: 'salesTabs.opportunities', empty: 'salesTabs.opportunities.empty',
    list: (query) => opportunitiesApi.list(query),
    columns: (t) => [
      { header: t('salesTabs.number'), cell: (row) => row.number },
      { header: t('salesTabs.opportunityName'), cell: (row) => row.name },
      { header: t('salesTabs.stage'), cell: (row) => stageLabel(t, row) },
      { header: t('salesTabs.expectedRevenue'), numeric: true, cell: (row) => formatMoney(row.expectedRevenue) },
      { header: t('salesTabs.expectedDate'), cell: (row) => formatDate(row.expectedDate) },
      owner(t),
    ],
  }),
  salesTab({
    id: 'quotes', infoType: 'quotes', label: 'salesTabs.quotes', empty: 'salesTabs.quotes.empty',
    list: (query) => salesDocumentsApi.quotes(query),
    columns: (t) => [number(t), day(t), value(t), { header: t('field.status'), cell: (row) => t(`quoteStatus.${row.status}`) }, owner(t)],
  }),
  salesTab({
    id: 'contracts', infoType: 'contracts', label: 'salesTabs.contracts', empty: 'salesTabs.contracts.empty', withRevenue: true,
    list: (query) => salesDocumentsApi.contracts(query),
    columns: (t) => [number(t), day(t), value(t), { header: t('field.status'), cell: (row) => t(`contractStatus.${row.status}`) }, owner(t)],
  }),
  salesTab({
    id: 'orders', infoType: 'orders', label: 'salesTabs.orders', empty: 'salesTabs.orders.empty',
    list: (query) => salesDocumentsApi.orders(query),
    columns: (t) => [number(t), day(t), value(t), { header: t('field.status'), cell: (row) => t(`orderStatus.${row.status}`) }, owner(t)],
  }),
  salesTab({
    id: 'payments', infoType: 'contracts', label: 'salesTabs.payments', empty: 'salesTabs.payments.empty', withRevenue: true,
    list: (query) => salesDocumentsApi.payments(query),
    columns: (t) => [
      number(t), day(t),
      { header: t('salesTabs.amount'), numeric: true, cell: (row) => formatMoney(row.amount) },
      { header: t('salesTabs.method'), cell: (row) => t(`paymentMethod.${row.method}`) },
      owner(t),
    ],
  }),
];
