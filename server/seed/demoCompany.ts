import type { Knex } from 'knex';
import { hashPassword } from '../features/auth/passwords';
import { demoCompanyPlan } from './companyPlan';
import { companyEmail, mobilePhone, organisationName, personalEmail, personName, streetAddress, taxCode, type PersonName } from './fakeData';
import { Random, seedFor, WeightedChoice } from './random';
import { SeedCalendar, vietnamToday } from './seedCalendar';
import { seedCompany, type CompanyRefs } from './seedCompany';

export type DemoCompanyOptions = { password?: string; customers?: number; seed?: number; asOf?: string };
export type DemoCompanyResult = { created: boolean; password: string; users: number; customers: number };

const demoLockKey = 47_800_001;
const activityKinds = [
  ['call', 'Gọi điện chăm sóc khách hàng'], ['meeting', 'Họp trao đổi nhu cầu'], ['email', 'Gửi báo giá qua email'],
  ['visit', 'Thăm khách hàng tại văn phòng'], ['task', 'Chuẩn bị hợp đồng'],
] as const;
const stages = ['initial', 'interested', 'negotiation', 'pending_approval', 'won', 'lost'] as const;

type DemoCustomer = { id: number; handlerId: number; createdDay: number; person: PersonName | null; groupIds: number[] };

async function insertCustomers(trx: Knex, company: CompanyRefs, calendar: SeedCalendar, random: Random, count: number): Promise<DemoCustomer[]> {
  const owners = new WeightedChoice(company.users.filter((u) => u.ownerWeight > 0).map((u) => [u.id, u.ownerWeight] as const));
  const types = new WeightedChoice(company.customerTypes.map((t) => [t, t.share] as const));
  const planned: (DemoCustomer & { row: Record<string, unknown> })[] = [];
  for (let n = 0; n < count; n++) {
    const type = types.pick(random);
    const person = type.kind === 'person' ? personName(random) : null;
    const organisation = type.kind === 'person' ? null : organisationName(random, type.kind, random.between(1, 999));
    const handlerId = owners.pick(random);
    const inPool = random.chance(0.03);
    const createdDay = calendar.today - 1 - random.int(365);
    const createdAt = calendar.instant(createdDay, 8 * 3600 + random.int(10 * 3600));
    const groupIds = company.groups.filter(() => random.chance(0.12)).map((g) => g.id).slice(0, 3);
    const score = groupIds.reduce((sum, id) => sum + (company.groups.find((g) => g.id === id)?.points ?? 0), 0) + random.int(40);
    planned.push({
      id: 0, handlerId, createdDay, person, groupIds,
      row: {
        name: person ? person.fullName : organisation!.name,
        tax_code: person ? null : taxCode(random),
        phone: mobilePhone(random),
        email: person ? personalEmail(random, person.slug) : companyEmail(random, organisation!.slug),
        address: streetAddress(random, organisation?.province),
        owner_id: inPool ? null : handlerId, previous_owner_id: inPool ? handlerId : null, type_id: type.id,
        score, stars: [10, 25, 45, 70, 100].filter((t) => score >= t).length,
        in_pool: inPool, pool_entered_at: inPool ? calendar.instant(calendar.today - random.int(10), 7 * 3600) : null,
        owner_assigned_at: createdAt, created_by: handlerId, created_at: createdAt, updated_at: createdAt,
      },
    });
  }
  // Oldest first, so the default codes KH000001… follow creation order.
  planned.sort((a, b) => (a.row.created_at as Date).getTime() - (b.row.created_at as Date).getTime());
  const ids: { id: number }[] = await trx('customers').insert(planned.map((p) => p.row), ['id']);
  return planned.map(({ row: _row, ...customer }, index) => ({ ...customer, id: ids[index].id }));
}

/**
 * The CRM_DEMO=1 company: 5 departments, 12 users (nv001 … nv012, one password), types, groups,
 * products and ~300 customers with contacts, activities, opportunities, quotes and contracts,
 * with ordinary inserts in one transaction. Does nothing when customers already exist; safe
 * when several server processes start at once.
 */
export async function seedDemoCompany(db: Knex, options: DemoCompanyOptions = {}): Promise<DemoCompanyResult> {
  const password = options.password ?? 'Demo@12345';
  const seed = options.seed ?? 20261123;
  const passwordHash = await hashPassword(password);
  const calendar = new SeedCalendar(options.asOf ?? vietnamToday(), 366);
  return db.transaction(async (trx) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [demoLockKey]);
    if (await trx('customers').first('id')) return { created: false, password, users: 0, customers: 0 };
    const company = await seedCompany(trx, demoCompanyPlan, passwordHash, seed);
    const random = new Random(seedFor(seed, 'demo'));
    const customers = await insertCustomers(trx, company, calendar, random, options.customers ?? 300);

    const members = customers.flatMap((c) => c.groupIds.map((groupId) => ({ customer_id: c.id, group_id: groupId })));
    if (members.length) await trx('customer_group_members').insert(members);
    await trx('ownership_history').insert(customers.map((c) => ({
      customer_id: c.id, to_user_id: c.handlerId, reason: 'create', changed_by: c.handlerId, at: calendar.instant(c.createdDay, 8 * 3600),
    })));
    const contacts = customers.flatMap((c) => {
      // A "Cá nhân" customer is its own contact.
      return Array.from({ length: c.person ? 1 : random.between(1, 2) }, () => {
        const person = c.person ?? personName(random);
        return { customer_id: c.id, last_name: person.lastName, first_name: person.firstName, email: personalEmail(random, person.slug), phone: mobilePhone(random), created_by: c.handlerId };
      });
    });
    await trx.batchInsert('contacts', contacts, 500);
    const activities = customers.flatMap((c) => Array.from({ length: 5 }, () => {
      const day = c.createdDay + random.int(calendar.today + 20 - c.createdDay);
      const [type, subject] = random.pick(activityKinds);
      const status = day > calendar.today ? 'not_started' : random.chance(0.85) ? 'done' : 'in_progress';
      return { customer_id: c.id, owner_id: c.handlerId, type, subject, date: calendar.date(day), status, created_by: c.handlerId };
    }));
    await trx.batchInsert('activities', activities, 500);
    const opportunities = customers.filter(() => random.chance(0.3)).map((c) => {
      const stage = random.pick(stages);
      const startDay = c.createdDay + random.int(calendar.today - c.createdDay);
      return {
        name: `Cung cấp ${random.pick(['máy tính xách tay', 'phần mềm CRM', 'điều hòa', 'máy lọc nước'])}`, customer_id: c.id, owner_id: c.handlerId,
        stage, probability: { initial: 10, interested: 30, negotiation: 50, pending_approval: 70, won: 100, lost: 0 }[stage],
        expected_revenue: random.between(5, 300) * 1_000_000, start_date: calendar.date(startDay), expected_date: calendar.date(startDay + random.between(15, 90)),
        lost_reason_id: stage === 'lost' ? random.pick(company.lostReasonIds) : null, lost_at: stage === 'lost' ? calendar.instant(startDay + 10, 15 * 3600) : null,
        source: random.pick(['Website', 'Facebook', 'Khách hàng giới thiệu', 'Hội chợ triển lãm']), created_by: c.handlerId,
      };
    });
    await trx.batchInsert('opportunities', opportunities, 500);
    const documents = (share: number) => customers.filter(() => random.chance(share)).map((c) => ({
      customer_id: c.id, owner_id: c.handlerId, date: calendar.date(c.createdDay + random.int(calendar.today - c.createdDay)),
      value: random.between(2, 500) * 1_000_000, created_by: c.handlerId,
    }));
    await trx.batchInsert('quotes', documents(0.2), 500);
    await trx.batchInsert('contracts', documents(0.15).map((d) => ({ ...d, status: random.pick(['active', 'completed', 'completed']) })), 500);
    return { created: true, password, users: company.users.length, customers: customers.length };
  });
}
