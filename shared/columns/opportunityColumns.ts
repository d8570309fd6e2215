import type { ColumnSpec } from './ColumnSpec';

/** The opportunity grid's columns (Cơ hội), in its default order. */
export const opportunityColumns: ColumnSpec[] = [
  { key: 'number', headerVi: 'Số cơ hội', headerEn: 'Number', type: 'text', width: 12 },
  { key: 'name', headerVi: 'Tên cơ hội', headerEn: 'Name', type: 'text', width: 36 },
  { key: 'customerName', headerVi: 'Khách hàng', headerEn: 'Customer', type: 'text', width: 32 },
  { key: 'ownerName', headerVi: 'Người phụ trách', headerEn: 'Owner', type: 'text', width: 24 },
  { key: 'stage', headerVi: 'Giai đoạn', headerEn: 'Stage', type: 'text', width: 16, labels: 'opportunityStage' },
  { key: 'status', headerVi: 'Trạng thái', headerEn: 'Status', type: 'text', width: 16 },
  { key: 'probability', headerVi: 'Xác suất', headerEn: 'Probability', type: 'percent', width: 10 },
  { key: 'expectedRevenue', headerVi: 'Doanh thu kỳ vọng', headerEn: 'Expected revenue', type: 'money', width: 18 },
  { key: 'expectedDate', headerVi: 'Ngày kỳ vọng', headerEn: 'Expected date', type: 'date', width: 13 },
  { key: 'startDate', headerVi: 'Ngày bắt đầu', headerEn: 'Start date', type: 'date', width: 13 },
  { key: 'lostReason', headerVi: 'Lý do thất bại', headerEn: 'Lost reason', type: 'text', width: 22 },
  { key: 'createdAt', headerVi: 'Ngày tạo', headerEn: 'Created', type: 'datetime', width: 17 },
];
