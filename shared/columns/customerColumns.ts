import type { ColumnSpec } from './ColumnSpec';

/** The customer grid's columns (renderer/features/customers/customerColumns.ts), in its default order. */
export const customerColumns: ColumnSpec[] = [
  { key: 'code', headerVi: 'Mã khách hàng', headerEn: 'Code', type: 'text', width: 16 },
  { key: 'name', headerVi: 'Tên khách hàng', headerEn: 'Name', type: 'text', width: 36 },
  { key: 'typeName', headerVi: 'Loại khách hàng', headerEn: 'Type', type: 'text', width: 18 },
  { key: 'tierName', headerVi: 'Phân cấp', headerEn: 'Tier', type: 'text', width: 14 },
  { key: 'groups', headerVi: 'Nhóm khách hàng', headerEn: 'Groups', type: 'text', width: 24 },
  { key: 'phone', headerVi: 'Điện thoại', headerEn: 'Phone', type: 'text', width: 16 },
  { key: 'email', headerVi: 'Email', headerEn: 'Email', type: 'text', width: 28 },
  { key: 'taxCode', headerVi: 'Mã số thuế', headerEn: 'Tax code', type: 'text', width: 16 },
  { key: 'address', headerVi: 'Địa chỉ', headerEn: 'Address', type: 'text', width: 40 },
  { key: 'ownerName', headerVi: 'Người phụ trách', headerEn: 'Owner', type: 'text', width: 24 },
  { key: 'stars', headerVi: 'Xếp hạng', headerEn: 'Stars', type: 'number', width: 10 },
  { key: 'score', headerVi: 'Điểm', headerEn: 'Score', type: 'number', width: 10 },
  { key: 'revenue', headerVi: 'Doanh thu', headerEn: 'Revenue', type: 'money', width: 18 },
  { key: 'careStatus', headerVi: 'Tình trạng chăm sóc', headerEn: 'Care status', type: 'text', width: 24 },
  { key: 'tags', headerVi: 'Thẻ', headerEn: 'Tags', type: 'text', width: 22 },
  { key: 'createdAt', headerVi: 'Ngày tạo', headerEn: 'Created', type: 'date', width: 12 },
  { key: 'ownerAssignedAt', headerVi: 'Ngày nhận', headerEn: 'Received', type: 'date', width: 12 },
  { key: 'previousOwnerName', headerVi: 'Người phụ trách trước', headerEn: 'Previous owner', type: 'text', width: 24 },
  { key: 'poolDaysLeft', headerVi: 'Còn lại', headerEn: 'Days left', type: 'number', width: 10 },
];
