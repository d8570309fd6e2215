import type { ColumnSpec } from './ColumnSpec';

/** The activities grid's columns (Giao dịch), in its default order; description and createdAt on demand. */
export const activityColumns: ColumnSpec[] = [
  { key: 'date', headerVi: 'Ngày', headerEn: 'Date', type: 'date', width: 12 },
  { key: 'customerName', headerVi: 'Khách hàng', headerEn: 'Customer', type: 'text', width: 36 },
  { key: 'type', headerVi: 'Loại giao dịch', headerEn: 'Type', type: 'text', width: 16, labels: 'activityType' },
  { key: 'subject', headerVi: 'Tiêu đề', headerEn: 'Subject', type: 'text', width: 40 },
  { key: 'status', headerVi: 'Trạng thái', headerEn: 'Status', type: 'text', width: 16, labels: 'activityStatus' },
  { key: 'ownerName', headerVi: 'Người thực hiện', headerEn: 'Owner', type: 'text', width: 24 },
  { key: 'description', headerVi: 'Mô tả', headerEn: 'Description', type: 'text', width: 40 },
  { key: 'createdAt', headerVi: 'Ngày tạo', headerEn: 'Created', type: 'datetime', width: 17 },
];
