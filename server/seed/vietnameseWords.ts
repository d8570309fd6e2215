/** Word lists for realistic Vietnamese demo data. Weights follow rough real frequencies. */

export const familyNames: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 4], ['Huỳnh', 3], ['Phan', 4.5], ['Vũ', 3],
  ['Võ', 3], ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.5], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
  ['Trương', 1], ['Đinh', 0.8], ['Lâm', 0.6], ['Mai', 0.5], ['Tô', 0.4], ['Hà', 0.5], ['Cao', 0.4], ['Tạ', 0.3],
];

export const maleMiddleNames = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thanh', 'Công', 'Xuân', 'Trọng', 'Hoàng', 'Tuấn', 'Gia', 'Duy', 'Quốc', 'Anh'] as const;
export const femaleMiddleNames = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Kim', 'Thùy', 'Bích', 'Mỹ', 'Hồng', 'Phương', 'Khánh', 'Diệu', 'Hoài'] as const;

export const maleGivenNames = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Đông', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang', 'Khánh', 'Khoa',
  'Kiên', 'Lâm', 'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn',
  'Tài', 'Tâm', 'Thắng', 'Thành', 'Thịnh', 'Toàn', 'Trung', 'Tú', 'Tuấn', 'Việt', 'Vinh', 'Vũ',
] as const;

export const femaleGivenNames = [
  'An', 'Anh', 'Châu', 'Chi', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hồng', 'Huệ',
  'Hương', 'Lan', 'Liên', 'Linh', 'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quyên',
  'Quỳnh', 'Tâm', 'Thảo', 'Thu', 'Thủy', 'Trang', 'Trinh', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến',
] as const;

/** Legal forms of organisations, by customer kind. */
export const companyForms: readonly (readonly [string, number])[] = [
  ['Công ty TNHH', 45], ['Công ty Cổ phần', 30], ['Công ty TNHH MTV', 12], ['Doanh nghiệp tư nhân', 6], ['Tập đoàn', 1], ['Hợp tác xã', 2],
];

export const businessLines = [
  'Thương mại', 'Dịch vụ', 'Xây dựng', 'Đầu tư', 'Sản xuất', 'Công nghệ', 'Vận tải', 'Xuất nhập khẩu',
  'Thực phẩm', 'Dược phẩm', 'Thiết bị Y tế', 'Điện máy', 'Nội thất', 'Du lịch', 'Giáo dục', 'Bất động sản',
  'Logistics', 'May mặc', 'Nông sản', 'Cơ khí', 'Điện tử', 'Truyền thông', 'Thương mại và Dịch vụ', 'Đầu tư Xây dựng',
] as const;

/** Auspicious two-syllable trade names, the way Vietnamese companies are usually named. */
export const tradeNames = [
  'Hoàng Phát', 'Minh Long', 'Thành Công', 'Phú Thịnh', 'An Khang', 'Việt Tiến', 'Đại Nam', 'Tân Phú', 'Hưng Thịnh',
  'Phúc An', 'Thiên Long', 'Kim Ngân', 'Hòa Bình', 'Đông Á', 'Sao Việt', 'Trường Sơn', 'Hải Đăng', 'Vạn Phúc',
  'Toàn Cầu', 'Bình Minh', 'Nam Việt', 'Tiến Đạt', 'Hợp Nhất', 'Gia Phát', 'Thịnh Vượng', 'Quang Minh', 'Hồng Hà',
  'Phương Đông', 'Tân Hoàng Minh', 'Sông Hồng', 'Mekong', 'Thái Bình Dương', 'Đất Việt', 'Hùng Vương', 'Ánh Dương',
  'Ngọc Lan', 'Bảo Tín', 'Phát Đạt', 'Tín Nghĩa', 'Vĩnh Phát', 'Trung Kiên', 'Hải Nam', 'Kim Long', 'Sài Gòn Xanh',
] as const;

export const agencyForms = ['Đại lý', 'Cửa hàng', 'Showroom', 'Siêu thị mini'] as const;
export const distributorForms = ['Nhà phân phối', 'Công ty TNHH Phân phối', 'Tổng kho'] as const;

/** Templates of public bodies; `{p}` is a province. */
export const publicBodies = [
  'Sở Công Thương {p}', 'Sở Tài nguyên và Môi trường {p}', 'Sở Y tế {p}', 'Sở Giáo dục và Đào tạo {p}',
  'Bệnh viện Đa khoa {p}', 'Trường THPT Chuyên {p}', 'Ủy ban nhân dân {p}', 'Cục Thuế {p}', 'Kho bạc Nhà nước {p}',
  'Trung tâm Y tế {p}', 'Ban Quản lý dự án {p}', 'Đài Phát thanh và Truyền hình {p}',
] as const;

/** Provinces with a weight (business density) and a few districts or wards. */
export const provinces: readonly { name: string; weight: number; districts: readonly string[] }[] = [
  { name: 'TP. Hồ Chí Minh', weight: 30, districts: ['Quận 1', 'Quận 3', 'Quận 7', 'Quận 10', 'Quận Bình Thạnh', 'Quận Tân Bình', 'Quận Gò Vấp', 'Quận Phú Nhuận', 'TP. Thủ Đức', 'Quận Tân Phú'] },
  { name: 'Hà Nội', weight: 24, districts: ['Quận Ba Đình', 'Quận Hoàn Kiếm', 'Quận Đống Đa', 'Quận Cầu Giấy', 'Quận Thanh Xuân', 'Quận Hai Bà Trưng', 'Quận Long Biên', 'Quận Hà Đông', 'Quận Nam Từ Liêm', 'Quận Tây Hồ'] },
  { name: 'Đà Nẵng', weight: 5, districts: ['Quận Hải Châu', 'Quận Thanh Khê', 'Quận Sơn Trà', 'Quận Ngũ Hành Sơn', 'Quận Liên Chiểu'] },
  { name: 'Hải Phòng', weight: 4, districts: ['Quận Hồng Bàng', 'Quận Lê Chân', 'Quận Ngô Quyền', 'Quận Hải An'] },
  { name: 'Cần Thơ', weight: 3, districts: ['Quận Ninh Kiều', 'Quận Cái Răng', 'Quận Bình Thủy'] },
  { name: 'Bình Dương', weight: 5, districts: ['TP. Thủ Dầu Một', 'TP. Dĩ An', 'TP. Thuận An', 'TX. Bến Cát'] },
  { name: 'Đồng Nai', weight: 4, districts: ['TP. Biên Hòa', 'TP. Long Khánh', 'Huyện Nhơn Trạch'] },
  { name: 'Bà Rịa - Vũng Tàu', weight: 2, districts: ['TP. Vũng Tàu', 'TP. Bà Rịa', 'TX. Phú Mỹ'] },
  { name: 'Long An', weight: 2, districts: ['TP. Tân An', 'Huyện Bến Lức', 'Huyện Đức Hòa'] },
  { name: 'Quảng Ninh', weight: 2, districts: ['TP. Hạ Long', 'TP. Cẩm Phả', 'TP. Uông Bí'] },
  { name: 'Bắc Ninh', weight: 2, districts: ['TP. Bắc Ninh', 'TP. Từ Sơn', 'Huyện Tiên Du'] },
  { name: 'Hải Dương', weight: 1.5, districts: ['TP. Hải Dương', 'TP. Chí Linh'] },
  { name: 'Nghệ An', weight: 1.5, districts: ['TP. Vinh', 'TX. Cửa Lò'] },
  { name: 'Thanh Hóa', weight: 1.5, districts: ['TP. Thanh Hóa', 'TP. Sầm Sơn'] },
  { name: 'Thừa Thiên Huế', weight: 1.2, districts: ['TP. Huế', 'TX. Hương Thủy'] },
  { name: 'Khánh Hòa', weight: 1.2, districts: ['TP. Nha Trang', 'TP. Cam Ranh'] },
  { name: 'Lâm Đồng', weight: 1, districts: ['TP. Đà Lạt', 'TP. Bảo Lộc'] },
  { name: 'Quảng Nam', weight: 1, districts: ['TP. Tam Kỳ', 'TP. Hội An'] },
  { name: 'Bình Định', weight: 0.8, districts: ['TP. Quy Nhơn', 'TX. An Nhơn'] },
  { name: 'Đắk Lắk', weight: 0.8, districts: ['TP. Buôn Ma Thuột'] },
  { name: 'Thái Nguyên', weight: 0.8, districts: ['TP. Thái Nguyên', 'TP. Sông Công'] },
  { name: 'Vĩnh Phúc', weight: 0.8, districts: ['TP. Vĩnh Yên', 'TP. Phúc Yên'] },
  { name: 'Nam Định', weight: 0.7, districts: ['TP. Nam Định'] },
  { name: 'Tiền Giang', weight: 0.7, districts: ['TP. Mỹ Tho', 'TX. Gò Công'] },
  { name: 'An Giang', weight: 0.7, districts: ['TP. Long Xuyên', 'TP. Châu Đốc'] },
  { name: 'Kiên Giang', weight: 0.7, districts: ['TP. Rạch Giá', 'TP. Phú Quốc'] },
  { name: 'Bến Tre', weight: 0.5, districts: ['TP. Bến Tre'] },
  { name: 'Tây Ninh', weight: 0.5, districts: ['TP. Tây Ninh', 'TX. Trảng Bàng'] },
  { name: 'Quảng Ngãi', weight: 0.5, districts: ['TP. Quảng Ngãi'] },
  { name: 'Thái Bình', weight: 0.5, districts: ['TP. Thái Bình'] },
];

export const streets = [
  'Lê Lợi', 'Nguyễn Huệ', 'Trần Hưng Đạo', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Nguyễn Trãi', 'Lê Duẩn', 'Điện Biên Phủ',
  'Cách Mạng Tháng Tám', 'Võ Văn Tần', 'Nguyễn Văn Linh', 'Phạm Văn Đồng', 'Hoàng Văn Thụ', 'Lạc Long Quân', 'Quang Trung',
  'Nguyễn Thị Minh Khai', 'Trường Chinh', 'Lê Văn Sỹ', 'Pasteur', 'Bà Triệu', 'Kim Mã', 'Xuân Thủy', 'Giải Phóng',
  'Nguyễn Chí Thanh', 'Láng Hạ', 'Tôn Đức Thắng', 'Bạch Đằng', 'Hùng Vương', 'Nguyễn Văn Cừ', 'Phan Đình Phùng',
] as const;

export const emailDomains: readonly (readonly [string, number])[] = [
  ['gmail.com', 70], ['yahoo.com', 8], ['outlook.com', 6], ['hotmail.com', 4], ['icloud.com', 2], ['fpt.vn', 2], ['vnpt.vn', 1],
];

/** Vietnamese mobile prefixes (Viettel, Vinaphone, Mobifone …); 09x the most common. */
export const mobilePrefixes: readonly (readonly [string, number])[] = [
  ['090', 10], ['091', 10], ['093', 8], ['094', 6], ['096', 8], ['097', 10], ['098', 10], ['088', 3], ['086', 3],
  ['032', 3], ['033', 3], ['035', 2], ['038', 2], ['070', 2], ['077', 2], ['079', 2], ['081', 2], ['083', 2],
];

export const contactPositions = ['Giám đốc', 'Phó giám đốc', 'Trưởng phòng Kinh doanh', 'Kế toán trưởng', 'Trưởng phòng Mua hàng', 'Nhân viên mua hàng', 'Thư ký', 'Chủ cửa hàng', 'Trưởng phòng Hành chính'] as const;
