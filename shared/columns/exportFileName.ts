import type { ExportList } from './exportLists';

const fileStems: Record<ExportList, string> = { customers: 'khach-hang', activities: 'giao-dich', opportunities: 'co-hoi' };

/** `khach-hang-2026-12-02.xlsx`: the list and the day in Vietnam (the server's header and the desktop save dialog agree). */
export function exportFileName(list: ExportList, now = new Date()): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
  return `${fileStems[list]}-${day}.xlsx`;
}
