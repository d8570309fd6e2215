import { WeightedChoice } from './random';

/** The kinds of activity an office logs, weighted by how often (the scale seed and the demo company both draw from these). */
export const activityTypeChoice = new WeightedChoice([['call', 40], ['email', 18], ['meeting', 12], ['visit', 10], ['task', 14], ['other', 6]] as const);

/** Vietnamese subjects per activity type. */
export const activitySubjects: Record<string, string[]> = {
  call: ['Gọi điện giới thiệu sản phẩm', 'Gọi điện chăm sóc khách hàng', 'Gọi lại theo yêu cầu của khách', 'Xác nhận nhu cầu qua điện thoại', 'Hỏi thăm tình hình sử dụng sản phẩm'],
  email: ['Gửi catalogue sản phẩm', 'Gửi thư cảm ơn', 'Gửi thông tin khuyến mãi cuối năm', 'Gửi hồ sơ năng lực công ty'],
  meeting: ['Họp trao đổi nhu cầu', 'Thuyết trình giải pháp', 'Họp triển khai dự án', 'Gặp gỡ ban giám đốc khách hàng'],
  visit: ['Thăm khách hàng tại văn phòng', 'Khảo sát hiện trạng thiết bị', 'Giao hàng và hướng dẫn sử dụng', 'Bảo trì định kỳ'],
  task: ['Chuẩn bị báo giá', 'Soạn thảo hợp đồng', 'Cập nhật thông tin khách hàng', 'Lên kế hoạch chăm sóc quý tới'],
  other: ['Tặng quà dịp Tết', 'Mời tham dự hội thảo sản phẩm mới', 'Chúc mừng sinh nhật khách hàng'],
};

/** What staff note after an activity. */
export const activityOutcomes = [
  'Khách hàng quan tâm, hẹn gọi lại tuần sau.', 'Đã gửi tài liệu, chờ phản hồi.', 'Khách yêu cầu giảm giá 5% nếu lấy số lượng lớn.',
  'Cần trao đổi thêm với kế toán trưởng.', 'Khách hài lòng với dịch vụ, sẽ giới thiệu thêm đối tác.', 'Đã chốt số lượng, chuẩn bị hợp đồng.',
];
