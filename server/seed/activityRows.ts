import { Random, seedFor, WeightedChoice } from './random';
import type { SeedWorld } from './seedWorld';

export const activityColumns = ['customer_id', 'owner_id', 'type', 'subject', 'date', 'status', 'description', 'created_by', 'created_at', 'updated_at'] as const;

const subjects: Record<string, string[]> = {
  call: ['Gọi điện giới thiệu sản phẩm', 'Gọi điện chăm sóc khách hàng', 'Gọi lại theo yêu cầu', 'Xác nhận đơn hàng qua điện thoại', 'Nhắc lịch thanh toán'],
  meeting: ['Họp trao đổi nhu cầu', 'Gặp mặt ký hợp đồng', 'Họp triển khai dự án', 'Thuyết trình giải pháp'],
  email: ['Gửi báo giá qua email', 'Gửi catalogue sản phẩm', 'Gửi thư cảm ơn', 'Gửi thông tin khuyến mãi'],
  task: ['Chuẩn bị báo giá', 'Soạn hợp đồng', 'Cập nhật thông tin khách hàng', 'Lên kế hoạch chăm sóc'],
  visit: ['Thăm khách hàng tại văn phòng', 'Khảo sát hiện trạng', 'Giao hàng và hướng dẫn sử dụng', 'Bảo trì định kỳ'],
  other: ['Tặng quà dịp Tết', 'Mời tham dự hội thảo', 'Chúc mừng sinh nhật khách hàng'],
};
const types = new WeightedChoice([['call', 40], ['email', 20], ['meeting', 15], ['visit', 10], ['task', 10], ['other', 5]] as const);
const descriptions = [
  'Khách hàng quan tâm, hẹn gọi lại tuần sau.', 'Đã gửi tài liệu, chờ phản hồi.', 'Khách yêu cầu giảm giá 5%.',
  'Cần trao đổi thêm với kế toán trưởng.', 'Khách hài lòng với dịch vụ.',
];
export const activitiesPerCustomer = 5;

/**
 * Five activities a customer, dated from its creation to a month ahead; past ones mostly done,
 * future ones not started, the last week a mix (what pool rules and reminders look at).
 */
export function* activityLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'activities'));
  const horizon = calendar.today + 30;
  for (let index = 0; index < facts.count; index++) {
    const customerId = index + 1;
    const owner = facts.handlerId[index];
    const from = facts.createdDay[index];
    for (let n = 0; n < activitiesPerCustomer; n++) {
      const day = from + random.int(horizon - from + 1);
      const type = types.pick(random);
      let status: string;
      if (day > calendar.today) status = 'not_started';
      else if (day > calendar.today - 7) status = random.pick(['not_started', 'in_progress', 'done']);
      else status = random.chance(0.88) ? 'done' : random.chance(0.5) ? 'in_progress' : 'not_started';
      const createdAt = calendar.timestamp(Math.min(day, calendar.today - 1, Math.max(from, day - random.int(5))), 7 * 3600 + random.int(11 * 3600));
      const description = random.chance(0.15) ? random.pick(descriptions) : '\\N';
      yield `${customerId}\t${owner}\t${type}\t${random.pick(subjects[type])}\t${calendar.date(day)}\t${status}\t${description}\t${owner}\t${createdAt}\t${createdAt}\n`;
    }
  }
}
