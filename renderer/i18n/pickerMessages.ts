/**
 * The UI strings of the pickers several features share (features/common: the day range with its
 * periods, the customer picker), spread into vi.ts and en.ts.
 */
export const pickerMessagesVi = {
  'dayRange.period': 'Kỳ',
  'dayRange.customPeriod': 'Tùy chọn',
  'dayRange.from': 'Từ ngày',
  'dayRange.to': 'Đến ngày',
  'customerPicker.placeholder': 'Gõ tên khách hàng để tìm…',
  'customerPicker.noMatches': 'Không tìm thấy khách hàng phù hợp.',
};

export const pickerMessagesEn: Record<keyof typeof pickerMessagesVi, string> = {
  'dayRange.period': 'Period',
  'dayRange.customPeriod': 'Custom',
  'dayRange.from': 'From',
  'dayRange.to': 'To',
  'customerPicker.placeholder': 'Type a customer name…',
  'customerPicker.noMatches': 'No matching customer.',
};
