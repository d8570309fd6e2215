import { formatDateTime } from '../../../shared/format';
import type { ExportInfo } from '../../../shared/schemas/exports';
import { exportsApi } from '../../api/exportsApi';
import { useApiData } from '../../api/useApiData';
import { formatCount } from '../../i18n/formatCount';
import { useI18n } from '../../i18n/useI18n';
import { Button } from '../../ui/Button';
import { DataTable } from '../../ui/DataTable';
import { Dialog } from '../../ui/Dialog';
import { exportMessages } from './exportMessages';

/** "Xuất khẩu gần đây": the user's last 20 exports — when, which list and filter, how many rows, how it ended. */
export function RecentExportsDialog({ onClose }: { onClose: () => void }) {
  const { locale } = useI18n();
  const m = exportMessages[locale];
  const recent = useApiData(() => exportsApi.recent(), []);
  const filterText = (info: ExportInfo) => {
    const { ids, excluded, ...rest } = info.filter as { ids?: number; excluded?: number } & Record<string, unknown>;
    if (typeof ids === 'number') return m.pickedRows(formatCount(ids, locale));
    const parts = Object.entries(rest).map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
    if (typeof excluded === 'number') parts.push(`−${formatCount(excluded, locale)}`);
    return parts.length > 0 ? parts.join('; ') : m.noFilter;
  };
  return (
    <Dialog title={m.recent} onClose={onClose} wide footer={<Button onClick={onClose}>{m.close}</Button>}>
      {recent.data && recent.data.length === 0 && <p className="muted">{m.recentEmpty}</p>}
      {recent.data && recent.data.length > 0 && (
        <DataTable<ExportInfo>
          rows={recent.data}
          columns={[
            { header: m.when, cell: (info) => formatDateTime(info.createdAt) },
            { header: m.list, cell: (info) => m.lists[info.list] },
            { header: m.filter, cell: filterText },
            { header: m.rows, numeric: true, cell: (info) => formatCount(info.rowsWritten, locale) },
            { header: m.status, cell: (info) => m.statuses[info.status] },
          ]}
        />
      )}
    </Dialog>
  );
}
