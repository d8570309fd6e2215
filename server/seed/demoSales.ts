import type { Knex } from 'knex';
import type { DemoCustomer } from './demoCustomers';
import { demoOwnerOn } from './demoOwnerOn';
import { Random, WeightedChoice } from './random';
import type { SeedCalendar } from './seedCalendar';
import type { CompanyRefs } from './seedCompany';

/** Sales events the activities pass turns into calls, e-mails and meetings. */
export type DemoMilestone = { customer: DemoCustomer; day: number; kind: 'quote_sent' | 'contract_signed' | 'negotiation' | 'payment_due' };

type Product = { id: number; name: string; price: number };
type Line = { product: Product; quantity: number; discount: number };
type Deal = {
  name: string; customer: DemoCustomer; stage: 'initial' | 'interested' | 'negotiation' | 'pending_approval' | 'won' | 'lost';
  startDay: number; closeDay: number; lines: Line[]; total: number; newCustomer: boolean;
  quote: { day: number; status: 'open' | 'accepted' | 'rejected' } | null;
  contract: { status: 'draft' | 'active' | 'completed' | 'cancelled'; payments: { day: number; amount: number; note: string }[] } | null;
};

const contractShare = 0.72;
const contractCounts = new WeightedChoice([[1, 60], [2, 28], [3, 12]] as const);
const openStages = new WeightedChoice([['initial', 30], ['interested', 30], ['negotiation', 25], ['pending_approval', 15]] as const);
const probability = { initial: 10, interested: 30, negotiation: 50, pending_approval: 70, won: 100, lost: 0 };
const sources = ['Website', 'Facebook', 'Zalo', 'Khách hàng giới thiệu', 'Hội chợ triển lãm', 'Gọi điện', 'Email marketing'];
const dealNames = ['Cung cấp {p}', 'Trang bị {p} cho văn phòng', 'Mua bổ sung {p}', 'Cung ứng {p} năm {y}'];
const methods = new WeightedChoice([['transfer', 75], ['cash', 15], ['card', 7], ['other', 3]] as const);
const roundTo = (value: number, unit: number) => Math.max(unit, Math.round(value / unit) * unit);

/** Product lines worth about `target` đồng: 1–3 products priced for it, quantities to match. */
function linesFor(random: Random, products: Product[], target: number, withDiscount: boolean): { lines: Line[]; total: number } {
  const lines: Line[] = [];
  const count = random.between(1, 3);
  for (let n = 0; n < count; n++) {
    const share = target / count;
    const affordable = products.filter((p) => p.price <= share);
    const candidates = affordable.length ? affordable.slice(-12) : products.slice(0, 5);
    const product = random.pick(candidates);
    if (lines.some((line) => line.product.id === product.id)) continue;
    lines.push({ product, quantity: Math.max(1, Math.round(share / product.price)), discount: withDiscount ? random.pick([0, 0, 0, 3, 5, 10]) : 0 });
  }
  const total = lines.reduce((sum, line) => sum + Math.round(line.quantity * line.product.price * (1 - line.discount / 100)), 0);
  return { lines, total };
}

/** Mostly tens to hundreds of millions of đồng, now and then a few billion. */
const dealTarget = (random: Random) => 15_000_000 * Math.exp(5.3 * random.next() ** 1.4);

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function dealName(random: Random, lines: Line[], calendar: SeedCalendar, startDay: number): string {
  return random.pick(dealNames).replace('{p}', lowerFirst(lines[0].product.name)).replace('{y}', calendar.date(startDay).slice(0, 4));
}

/** Payments of a signed contract: paid in full when completed, a deposit or an instalment while active. */
function paymentsFor(random: Random, value: number, status: string, day: number, today: number): { day: number; amount: number; note: string }[] {
  const within = (from: number, days: number) => Math.min(today, from + random.int(days + 1));
  if (status === 'completed') {
    if (random.chance(0.5)) return [{ day: within(day, 30), amount: value, note: 'Thanh toán toàn bộ giá trị hợp đồng' }];
    const deposit = roundTo(value * (0.3 + 0.2 * random.next()), 1000);
    const first = within(day, 7);
    return [{ day: first, amount: deposit, note: 'Đặt cọc theo hợp đồng' }, { day: within(first, 60), amount: value - deposit, note: 'Thanh toán phần còn lại khi nghiệm thu' }];
  }
  if (status !== 'active' || !random.chance(0.8)) return [];
  const deposit = roundTo(value * (0.3 + 0.3 * random.next()), 1000);
  const first = within(day, 14);
  const payments = [{ day: first, amount: deposit, note: 'Thanh toán đợt 1' }];
  if (today - day > 45 && random.chance(0.4)) {
    payments.push({ day: within(first + 20, 40), amount: roundTo((value - deposit) * (0.4 + 0.3 * random.next()), 1000), note: 'Thanh toán đợt 2' });
  }
  return payments;
}

function plannedDeals(customers: DemoCustomer[], products: Product[], calendar: SeedCalendar, random: Random): Deal[] {
  const { today } = calendar;
  const deals: Deal[] = [];
  for (const customer of customers) {
    const span = today - customer.createdDay;
    let signed = 0;
    if (random.chance(contractShare)) {
      const days = Array.from({ length: contractCounts.pick(random) }, () => customer.createdDay + random.between(Math.min(3, span), span)).sort((a, b) => a - b);
      for (const closeDay of days) {
        const { lines, total } = linesFor(random, products, dealTarget(random), true);
        const startDay = Math.max(customer.createdDay, closeDay - random.between(10, 60));
        const age = today - closeDay;
        const status = age <= 20
          ? (random.chance(0.15) ? 'draft' : 'active')
          : random.pick(['completed', 'completed', 'completed', 'completed', 'active', 'active', 'active', 'cancelled'] as const);
        deals.push({
          name: dealName(random, lines, calendar, startDay), customer, stage: 'won', startDay, closeDay, lines, total, newCustomer: signed++ === 0,
          quote: { day: random.between(startDay, closeDay), status: 'accepted' },
          contract: { status, payments: paymentsFor(random, total, status, closeDay, today) },
        });
      }
    } else if (span > 30 && random.chance(0.3)) {
      const startDay = random.between(customer.createdDay, today - 20);
      const { lines, total } = linesFor(random, products, dealTarget(random), true);
      deals.push({
        name: dealName(random, lines, calendar, startDay), customer, stage: 'lost', startDay, closeDay: Math.min(today - 1, startDay + random.between(7, 45)), lines, total, newCustomer: true,
        quote: random.chance(0.7) ? { day: random.between(startDay, Math.min(today - 1, startDay + 7)), status: 'rejected' } : null, contract: null,
      });
    }
    if (!customer.inPool && random.chance(signed ? 0.2 : 0.6)) {
      const stage = openStages.pick(random);
      const startDay = Math.max(customer.createdDay, customer.receivedDay, today - random.between(3, 75));
      const { lines, total } = linesFor(random, products, dealTarget(random), stage !== 'initial');
      const quoted = stage === 'negotiation' || stage === 'pending_approval' || (stage === 'interested' && random.chance(0.4));
      deals.push({
        name: dealName(random, lines, calendar, startDay), customer, stage, startDay, closeDay: today + random.between(5, 90), lines, total, newCustomer: signed === 0,
        quote: quoted ? { day: random.between(startDay, today), status: 'open' } : null, contract: null,
      });
    }
  }
  return deals;
}

/**
 * The sales pipeline of the demo customers: about 70% have signed contracts, each the end of a
 * won opportunity and an accepted quote with the same product lines and value, partly or fully
 * paid; others have open or lost opportunities with open or rejected quotes.
 */
export async function insertDemoSales(
  trx: Knex, customers: DemoCustomer[], company: CompanyRefs, calendar: SeedCalendar, random: Random,
): Promise<DemoMilestone[]> {
  const products: Product[] = (await trx('products').whereIn('id', company.products.map((p) => p.id)).select('id', 'name', 'price'))
    .map((p: { id: number; name: string; price: string }) => ({ id: p.id, name: p.name, price: Number(p.price) }))
    .sort((a, b) => a.price - b.price);
  const { today } = calendar;
  const at = (day: number, hour: number) => calendar.instant(Math.min(day, today - 1), hour * 3600 + random.int(3 * 3600));
  const deals = plannedDeals(customers, products, calendar, random);
  const milestones: DemoMilestone[] = [];

  // Inserted in date order so the numbers (CH…, BG…, HD…, PT…) follow the calendar.
  const byStart = [...deals].sort((a, b) => a.startDay - b.startDay);
  const opportunityIds: { id: number }[] = await trx.batchInsert<Record<string, unknown>>('opportunities', byStart.map((deal) => {
    const { customer, stage } = deal;
    const owner = stage === 'won' || stage === 'lost' ? demoOwnerOn(customer, deal.closeDay) : customer.handlerId;
    const createdAt = at(deal.startDay, 8);
    if (stage === 'negotiation' || stage === 'pending_approval') milestones.push({ customer, day: today + random.between(0, 14), kind: 'negotiation' });
    return {
      name: deal.name, customer_id: customer.id, contact_id: customer.firstContactId, owner_id: owner, stage,
      probability: probability[stage], expected_revenue: deal.total,
      start_date: calendar.date(deal.startDay), expected_date: calendar.date(deal.closeDay), source: random.pick(sources),
      type: deal.newCustomer ? 'Khách hàng mới' : 'Khách hàng hiện tại',
      lost_reason_id: stage === 'lost' ? random.pick(company.lostReasonIds) : null, lost_at: stage === 'lost' ? at(deal.closeDay, 15) : null,
      created_by: owner, created_at: createdAt, updated_at: stage === 'won' || stage === 'lost' ? at(deal.closeDay, 14) : createdAt,
    };
  }), 500).returning('id');
  await trx.batchInsert('opportunity_lines', byStart.flatMap((deal, index) => deal.lines.map((line) => ({
    opportunity_id: opportunityIds[index].id, product_id: line.product.id, quantity: line.quantity, price: line.product.price,
  }))), 500);

  const quoted = deals.filter((deal) => deal.quote).sort((a, b) => a.quote!.day - b.quote!.day);
  const quoteIds: { id: number }[] = await trx.batchInsert<Record<string, unknown>>('quotes', quoted.map((deal) => {
    const { customer, quote } = deal;
    const owner = demoOwnerOn(customer, quote!.day);
    milestones.push({ customer, day: quote!.day, kind: 'quote_sent' });
    return {
      customer_id: customer.id, owner_id: owner, date: calendar.date(quote!.day), value: deal.total, status: quote!.status,
      created_by: owner, created_at: at(quote!.day, 9), updated_at: at(quote!.status === 'open' ? quote!.day : deal.closeDay, 13),
    };
  }), 500).returning('id');
  await trx.batchInsert('document_lines', quoted.flatMap((deal, index) => deal.lines.map((line) => ({
    quote_id: quoteIds[index].id, product_id: line.product.id, quantity: line.quantity, price: line.product.price, discount_percent: line.discount,
  }))), 500);

  const signed = deals.filter((deal) => deal.contract).sort((a, b) => a.closeDay - b.closeDay);
  const contractIds: { id: number }[] = await trx.batchInsert<Record<string, unknown>>('contracts', signed.map((deal) => {
    const { customer, contract } = deal;
    const owner = demoOwnerOn(customer, deal.closeDay);
    milestones.push({ customer, day: deal.closeDay, kind: 'contract_signed' });
    const paid = contract!.payments.reduce((sum, payment) => sum + payment.amount, 0);
    if (contract!.status === 'active' && paid < deal.total && random.chance(0.5)) milestones.push({ customer, day: today + random.between(0, 14), kind: 'payment_due' });
    return {
      customer_id: customer.id, owner_id: owner, date: calendar.date(deal.closeDay), value: deal.total, status: contract!.status,
      note: `Hợp đồng ${lowerFirst(deal.name)}`,
      created_by: owner, created_at: at(deal.closeDay, 10), updated_at: at(deal.closeDay, 10),
    };
  }), 500).returning('id');
  const payments = signed.flatMap((deal, index) => deal.contract!.payments.map((payment) => ({ deal, contractId: contractIds[index].id, payment })))
    .sort((a, b) => a.payment.day - b.payment.day);
  await trx.batchInsert('payments', payments.map(({ deal, contractId, payment }) => {
    const owner = demoOwnerOn(deal.customer, payment.day);
    return {
      customer_id: deal.customer.id, owner_id: owner, contract_id: contractId, date: calendar.date(payment.day), amount: payment.amount,
      method: methods.pick(random), note: payment.note, created_by: owner, created_at: at(payment.day, 14), updated_at: at(payment.day, 14),
    };
  }), 500);
  return milestones;
}
