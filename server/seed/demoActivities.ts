import type { Knex } from 'knex';
import type { DemoCustomer } from './demoCustomers';
import { demoOwnerOn } from './demoOwnerOn';
import type { DemoMilestone } from './demoSales';
import { activityOutcomes, activitySubjects, activityTypeChoice } from './activityTexts';
import type { Random } from './random';
import type { SeedCalendar } from './seedCalendar';

type Status = 'not_started' | 'in_progress' | 'done';

const milestoneActivities: Record<DemoMilestone['kind'], { type: string; subjects: string[] }> = {
  quote_sent: { type: 'email', subjects: ['Gửi báo giá qua email', 'Gửi báo giá và catalogue sản phẩm'] },
  contract_signed: { type: 'meeting', subjects: ['Gặp mặt ký hợp đồng', 'Ký hợp đồng tại văn phòng khách hàng'] },
  negotiation: { type: 'meeting', subjects: ['Họp thương thảo hợp đồng', 'Trình bày phương án và chốt giá'] },
  payment_due: { type: 'call', subjects: ['Nhắc lịch thanh toán đợt tiếp theo', 'Đối chiếu công nợ với kế toán khách hàng'] },
};
const plans = [
  'Chuẩn bị tài liệu giới thiệu trước buổi gặp.', 'Xác nhận lại lịch với khách trước một ngày.', 'Mang theo mẫu sản phẩm và bảng giá mới.',
  'Khách hẹn trao đổi sau giờ hành chính.', 'Nhờ phòng kỹ thuật hỗ trợ khảo sát.',
];

/** Past activities mostly done, the last week a mix, the future not started (or just begun): never done ahead of time. */
function statusOn(random: Random, day: number, today: number): Status {
  if (day > today) return random.chance(0.15) ? 'in_progress' : 'not_started';
  if (day >= today - 7) return random.pick(['done', 'done', 'in_progress', 'not_started'] as const);
  return random.chance(0.93) ? 'done' : random.chance(0.5) ? 'in_progress' : 'not_started';
}

/**
 * Calls, e-mails, meetings and visits: a history since each customer's creation (by whoever
 * owned it then), the sales milestones (quotes sent, contracts signed, negotiations and payment
 * reminders ahead), and for most owned customers something planned in the next two weeks.
 */
export async function insertDemoActivities(
  trx: Knex, customers: DemoCustomer[], milestones: DemoMilestone[], calendar: SeedCalendar, random: Random,
): Promise<number> {
  const { today } = calendar;
  const rows: Record<string, unknown>[] = [];
  const add = (customer: DemoCustomer, day: number, type: string, subject: string, status: Status) => {
    // Open activities went to the new owner with a transfer; done ones stay with whoever did them.
    const owner = status === 'done' ? demoOwnerOn(customer, day) : customer.handlerId;
    const createdDay = Math.min(today - 1, Math.max(customer.createdDay, (day > today ? today : day) - random.int(6)));
    const createdAt = calendar.instant(createdDay, 7 * 3600 + random.int(4 * 3600));
    const note = random.chance(0.4) ? random.pick(status === 'done' ? activityOutcomes : plans) : null;
    rows.push({
      customer_id: customer.id, owner_id: owner, type, subject, date: calendar.date(day), status, description: note, created_by: owner,
      created_at: createdAt, updated_at: status === 'done' ? calendar.instant(Math.min(day, today - 1), 16 * 3600 + random.int(2 * 3600)) : createdAt,
    });
  };
  const routine = (customer: DemoCustomer, day: number, status: Status) => {
    const type = activityTypeChoice.pick(random);
    add(customer, day, type, random.pick(activitySubjects[type]), status);
  };

  for (const customer of customers) {
    if (customer.inPool) {
      // Nobody has touched it for a while: that is how it got into the pool.
      const last = Math.max(customer.createdDay, customer.poolDay - 30);
      for (let n = random.between(1, 3); n > 0; n--) routine(customer, random.between(customer.createdDay, last), 'done');
      continue;
    }
    for (let n = random.between(2, 5); n > 0; n--) {
      const day = random.between(customer.createdDay, today);
      routine(customer, day, statusOn(random, day, today));
    }
    if (random.chance(0.7)) {
      for (let n = random.between(1, 2); n > 0; n--) {
        const day = today + random.between(0, 14);
        routine(customer, day, statusOn(random, day, today));
      }
    }
    if (random.chance(0.25)) routine(customer, today + random.between(15, 45), 'not_started');
  }
  for (const milestone of milestones) {
    const { customer, day, kind } = milestone;
    if (customer.inPool && day > today) continue;
    const plan = milestoneActivities[kind];
    add(customer, day, plan.type, random.pick(plan.subjects), day < today ? 'done' : statusOn(random, day, today));
  }
  rows.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  await trx.batchInsert('activities', rows, 500);
  return rows.length;
}
