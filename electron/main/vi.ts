/** Vietnamese texts of the desktop shell (the server's UI has its own i18n). */
export const vi = {
  invalidServerAddress:
    'Địa chỉ máy chủ không hợp lệ. Nhập dạng http://192.168.1.10:4780 (chỉ http hoặc https, không kèm tên đăng nhập, dấu ? hay #).',
  serverTimeout: (seconds: number) =>
    `Máy chủ không phản hồi sau ${seconds} giây. Kiểm tra địa chỉ, máy chủ đã bật chưa và kết nối mạng.`,
  serverUnreachable: 'Không kết nối được tới máy chủ. Kiểm tra địa chỉ, máy chủ đã bật chưa và kết nối mạng.',
  serverStarting: 'Máy chủ đang khởi động. Vui lòng thử lại sau ít phút.',
  notCrmServer: 'Địa chỉ này không phải máy chủ CRM (không nhận được phản hồi hợp lệ từ /api/health).',
  settingsNotSaved: 'Không lưu được địa chỉ máy chủ trên máy này. Vui lòng thử lại.',
  startFailedTitle: 'CRM không khởi động được',
  loadFailedTitle: 'Không mở được CRM',
  loadFailed: (origin: string) => `Không kết nối được tới máy chủ ${origin}.`,
  retry: 'Thử lại',
  changeServerAddress: 'Đổi địa chỉ máy chủ…',
  quit: 'Thoát',
  menu: {
    file: 'Tệp',
    edit: 'Chỉnh sửa',
    view: 'Xem',
    undo: 'Hoàn tác',
    redo: 'Làm lại',
    cut: 'Cắt',
    copy: 'Sao chép',
    paste: 'Dán',
    selectAll: 'Chọn tất cả',
    reload: 'Tải lại',
    resetZoom: 'Cỡ chữ mặc định',
    zoomIn: 'Phóng to',
    zoomOut: 'Thu nhỏ',
    fullScreen: 'Toàn màn hình',
    devTools: 'Công cụ nhà phát triển',
  },
} as const;
