import type { DeletedOpportunity } from '../../../shared/schemas/opportunities';
import { customersApi, type DeletedCustomersPage } from '../../api/customersApi';
import { opportunitiesApi } from '../../api/opportunitiesApi';
import type { PageOf } from '../../api/PageOf';
import type { Translate } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';
import type { Column } from '../../ui/DataTable';

/** What every bin row has: the page adds "Ngày xóa" and "Người xóa" after the list's own columns. */
export type DeletedRow = { id: number; deletedAt: string; deletedByName: string | null };

export type RecycleBinId = 'customers' | 'opportunities';

/** One list's recycle bin: where it lives, its columns, its list and restore calls, its words. */
export type RecycleBin<Row extends DeletedRow> = {
  id: RecycleBinId;
  /** The list's page; the bin is `<listPath>/recycle-bin`. */
  listPath: string;
  labels: Record<'tab' | 'title' | 'back' | 'hint' | 'restored' | 'total', MessageKey>;
  columns: (t: Translate) => Column<Row>[];
  load: (page: { offset: number; limit: number }) => Promise<PageOf<Row>>;
  restore: (id: number) => Promise<{ name: string }>;
};

const customerBin: RecycleBin<DeletedCustomersPage['rows'][number]> = {
  id: 'customers',
  listPath: '/customers',
  labels: {
    tab: 'nav.customers', title: 'recycleBin.title', back: 'recycleBin.back', hint: 'recycleBin.hint', restored: 'recycleBin.restored', total: 'recycleBin.total',
  },
  columns: (t) => [
    { header: t('field.code'), cell: (row) => row.code },
    { header: t('field.name'), cell: (row) => row.name },
    { header: t('field.owner'), cell: (row) => row.ownerName },
  ],
  load: customersApi.recycleBin,
  restore: customersApi.restore,
};

const opportunityBin: RecycleBin<DeletedOpportunity> = {
  id: 'opportunities',
  listPath: '/opportunities',
  labels: {
    tab: 'nav.opportunities', title: 'opportunities.recycleBin.title', back: 'opportunities.recycleBin.back', hint: 'opportunities.recycleBin.hint',
    restored: 'opportunities.recycleBin.restored', total: 'opportunities.recycleBin.total',
  },
  columns: (t) => [
    { header: t('opportunities.field.number'), cell: (row) => row.number },
    { header: t('opportunities.field.name'), cell: (row) => row.name },
    { header: t('opportunities.field.customer'), cell: (row) => row.customerName },
    { header: t('opportunities.field.stage'), cell: (row) => t(`opportunityStage.${row.stage}`) },
    { header: t('opportunities.field.owner'), cell: (row) => row.ownerName },
  ],
  load: opportunitiesApi.recycleBin,
  restore: opportunitiesApi.restore,
};

/** Every list with a recycle bin, in the order of their tabs. */
export const recycleBins = { customers: customerBin, opportunities: opportunityBin } as const;
