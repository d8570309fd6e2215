import type { Knex } from 'knex';
import { hashPassword } from '../features/auth/passwords';
import { careStatusChoice } from './careStatusChoice';
import { demoCompanyPlan } from './companyPlan';
import { insertDemoActivities } from './demoActivities';
import { insertDemoCustomers } from './demoCustomers';
import { insertDemoSales } from './demoSales';
import { Random, seedFor } from './random';
import { SeedCalendar, vietnamToday } from './seedCalendar';
import { seedCompany } from './seedCompany';

export type DemoCompanyOptions = { password?: string; customers?: number; seed?: number; asOf?: string };
export type DemoCompanyResult = { created: boolean; password: string; users: number; customers: number };

const demoLockKey = 47_800_001;

/**
 * The CRM_DEMO=1 company, a working office as of `asOf` (today in Vietnam): 5 departments,
 * 12 users (nv001 … nv012, one password), types, groups, products and ~300 customers, many of
 * them transferred between colleagues, with care statuses from the managed list, contacts,
 * contracts (most customers have revenue) with the opportunities, quotes and payments behind
 * them, and activities done in the past and planned for the coming weeks. Ordinary inserts in
 * one transaction; does nothing when customers already exist; safe when several server
 * processes start at once. The same seed and day give the same data.
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
    const careStatuses = await careStatusChoice(trx);
    const customers = await insertDemoCustomers(trx, company, calendar, new Random(seedFor(seed, 'demo')), options.customers ?? 300, careStatuses);

    // Customers waiting for automatic multi-assign (O4) are members of its campaign.
    const waiting = customers.filter((c) => c.careStatus === 'multi_assign_pending' || c.careStatus === 'multi_assign_done');
    const manager = company.users.find((u) => u.role === 'manager');
    if (waiting.length && manager) {
      const [campaign] = await trx('campaigns').insert({ name: `Chăm sóc khách hàng cuối năm ${calendar.date(calendar.today).slice(0, 4)}`, owner_id: manager.id }, ['id']);
      await trx('campaign_members').insert(waiting.map((c) => ({ campaign_id: campaign.id, customer_id: c.id })));
    }
    const milestones = await insertDemoSales(trx, customers, company, calendar, new Random(seedFor(seed, 'demo-sales')));
    await insertDemoActivities(trx, customers, milestones, calendar, new Random(seedFor(seed, 'demo-activities')));
    return { created: true, password, users: company.users.length, customers: customers.length };
  });
}
