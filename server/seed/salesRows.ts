import { entityRandom, Random, seedFor, WeightedChoice } from './random';
import { documentNumber, type SeedWorld } from './seedWorld';

type Line = { productId: number; quantity: number; price: number; discount: number };

function productLines(world: SeedWorld, random: Random, max: number, withDiscount: boolean): { lines: Line[]; total: number } {
  const lines: Line[] = [];
  let total = 0;
  for (let n = random.between(1, max); n > 0; n--) {
    const product = random.pick(world.company.products);
    const quantity = random.chance(0.6) ? random.between(1, 5) : random.between(6, 50);
    const discount = withDiscount ? random.pick([0, 0, 0, 5, 10]) : 0;
    lines.push({ productId: product.id, quantity, price: product.price, discount });
    total += Math.round(quantity * product.price * (1 - discount / 100));
  }
  return { lines, total };
}

const lineText = (parentId: number, line: Line, withDiscount: boolean) =>
  `${parentId}\t${line.productId}\t${line.quantity}\t${line.price}${withDiscount ? `\t${line.discount}` : ''}\n`;

// ---- opportunities (S1) -------------------------------------------------------------------------

type Opportunity = { id: number; customerIndex: number; day: number; lines: Line[]; total: number; random: Random };

const stages = new WeightedChoice([['initial', 20], ['interested', 20], ['negotiation', 15], ['pending_approval', 8], ['won', 20], ['lost', 17]] as const);
const probability: Record<string, number> = { initial: 10, interested: 30, negotiation: 50, pending_approval: 70, won: 100, lost: 0 };
const sources = ['Website', 'Facebook', 'Khách hàng giới thiệu', 'Hội chợ triển lãm', 'Gọi điện', 'Email marketing', 'Zalo'];
const opportunityNames = ['Cung cấp {p}', 'Trang bị văn phòng: {p}', 'Dự án nâng cấp thiết bị', 'Gia hạn hợp đồng năm {y}', 'Mua bổ sung {p}', 'Tư vấn giải pháp tổng thể'];
export const opportunityShare = 0.35;

/** The opportunities, generated identically for the table and for its product lines. */
function* opportunities(world: SeedWorld): Generator<Opportunity> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'opportunities'));
  let id = 0;
  for (let index = 0; index < facts.count; index++) {
    if (!random.chance(opportunityShare)) continue;
    for (let n = random.chance(0.1) ? 2 : 1; n > 0; n--) {
      const day = facts.createdDay[index] + random.int(calendar.today - facts.createdDay[index] + 1);
      const own = entityRandom(world.seed, 'opportunity', ++id);
      yield { id, customerIndex: index, day, random: own, ...productLines(world, own, 3, false) };
    }
  }
}

export const opportunityColumns = [
  'id', 'number', 'name', 'customer_id', 'contact_id', 'owner_id', 'stage', 'source', 'type', 'probability', 'expected_revenue',
  'expected_date', 'start_date', 'lost_reason_id', 'lost_at', 'created_by', 'created_at', 'updated_at',
] as const;

export function* opportunityLines(world: SeedWorld): Generator<string> {
  const { facts, calendar, company } = world;
  const productNames = ['máy tính xách tay', 'điều hòa', 'phần mềm CRM', 'máy lọc nước', 'thiết bị mạng', 'bàn ghế văn phòng'];
  for (const o of opportunities(world)) {
    const { random } = o;
    const stage = stages.pick(random);
    const expected = o.day + random.between(15, 120);
    const lost = stage === 'lost';
    const lostDay = Math.min(calendar.today, o.day + random.int(expected - o.day + 1));
    const name = random.pick(opportunityNames).replace('{p}', random.pick(productNames)).replace('{y}', calendar.date(o.day).slice(0, 4));
    const owner = facts.handlerId[o.customerIndex];
    const createdAt = calendar.timestamp(Math.min(o.day, calendar.today - 1), 8 * 3600 + random.int(9 * 3600));
    yield `${o.id}\t${documentNumber('CH', o.id)}\t${name}\t${o.customerIndex + 1}\t${facts.firstContactId[o.customerIndex] || '\\N'}\t${owner}\t${stage}\t${random.pick(sources)}\t${random.chance(0.6) ? 'Khách hàng mới' : 'Khách hàng hiện tại'}\t${probability[stage]}\t${o.total}\t${calendar.date(expected)}\t${calendar.date(o.day)}\t${lost ? random.pick(company.lostReasonIds) : '\\N'}\t${lost ? calendar.timestamp(lostDay, 16 * 3600) : '\\N'}\t${owner}\t${createdAt}\t${createdAt}\n`;
  }
}

export const opportunityLineColumns = ['opportunity_id', 'product_id', 'quantity', 'price'] as const;

export function* opportunityProductLines(world: SeedWorld): Generator<string> {
  for (const o of opportunities(world)) for (const line of o.lines) yield lineText(o.id, line, false);
}

// ---- quotes --------------------------------------------------------------------------------------

type Quote = { id: number; customerIndex: number; day: number; lines: Line[]; total: number; random: Random };
export const quoteShare = 0.3;

function* quotes(world: SeedWorld): Generator<Quote> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'quotes'));
  let id = 0;
  for (let index = 0; index < facts.count; index++) {
    if (!random.chance(quoteShare)) continue;
    const day = facts.createdDay[index] + random.int(calendar.today - facts.createdDay[index] + 1);
    const own = entityRandom(world.seed, 'quote', ++id);
    yield { id, customerIndex: index, day, random: own, ...productLines(world, own, 3, true) };
  }
}

export const quoteColumns = ['id', 'number', 'customer_id', 'owner_id', 'date', 'value', 'status', 'created_by', 'created_at', 'updated_at'] as const;

export function* quoteLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  for (const q of quotes(world)) {
    const recent = q.day > calendar.today - 30;
    const status = recent ? (q.random.chance(0.8) ? 'open' : 'accepted') : q.random.pick(['open', 'accepted', 'accepted', 'rejected', 'rejected']);
    const owner = facts.handlerId[q.customerIndex];
    const createdAt = calendar.timestamp(Math.min(q.day, calendar.today - 1), 9 * 3600 + q.random.int(8 * 3600));
    yield `${q.id}\t${documentNumber('BG', q.id)}\t${q.customerIndex + 1}\t${owner}\t${calendar.date(q.day)}\t${q.total}\t${status}\t${owner}\t${createdAt}\t${createdAt}\n`;
  }
}

export const quoteLineColumns = ['quote_id', 'product_id', 'quantity', 'price', 'discount_percent'] as const;

export function* quoteProductLines(world: SeedWorld): Generator<string> {
  for (const q of quotes(world)) for (const line of q.lines) yield lineText(q.id, line, true);
}

// ---- contracts and their payments ----------------------------------------------------------------

type Contract = { id: number; customerIndex: number; day: number; value: number; status: string; paymentDay: number; paid: number };
const contractStatuses = new WeightedChoice([['draft', 5], ['active', 40], ['completed', 45], ['cancelled', 10]] as const);
export const contractShare = 0.2;

function* contracts(world: SeedWorld): Generator<Contract> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'contracts'));
  let id = 0;
  for (let index = 0; index < facts.count; index++) {
    if (!random.chance(contractShare)) continue;
    const day = facts.createdDay[index] + random.int(calendar.today - facts.createdDay[index] + 1);
    // Mostly tens of millions of đồng, a long tail up to a few billion.
    const value = Math.round(5_000_000 * Math.exp(random.next() * 6.2) / 100_000) * 100_000;
    const status = contractStatuses.pick(random);
    const paid = status === 'completed' ? value : status === 'active' && random.chance(0.5) ? Math.round(value * (0.3 + 0.4 * random.next()) / 1000) * 1000 : 0;
    yield { id: ++id, customerIndex: index, day, value, status, paymentDay: Math.min(calendar.today, day + random.int(31)), paid };
  }
}

export const contractColumns = ['id', 'number', 'customer_id', 'owner_id', 'date', 'value', 'status', 'created_by', 'created_at', 'updated_at'] as const;

export function* contractLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  for (const c of contracts(world)) {
    const owner = facts.handlerId[c.customerIndex];
    const createdAt = calendar.timestamp(Math.min(c.day, calendar.today - 1), 10 * 3600);
    yield `${c.id}\t${documentNumber('HD', c.id)}\t${c.customerIndex + 1}\t${owner}\t${calendar.date(c.day)}\t${c.value}\t${c.status}\t${owner}\t${createdAt}\t${createdAt}\n`;
  }
}

export const paymentColumns = ['id', 'number', 'customer_id', 'owner_id', 'contract_id', 'date', 'amount', 'method', 'created_by', 'created_at', 'updated_at'] as const;
const methods = ['transfer', 'transfer', 'transfer', 'cash', 'card', 'other'];

export function* paymentLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  let id = 0;
  for (const c of contracts(world)) {
    if (c.paid <= 0) continue;
    const owner = facts.handlerId[c.customerIndex];
    const createdAt = calendar.timestamp(Math.min(c.paymentDay, calendar.today - 1), 14 * 3600);
    id++;
    yield `${id}\t${documentNumber('PT', id)}\t${c.customerIndex + 1}\t${owner}\t${c.id}\t${calendar.date(c.paymentDay)}\t${c.paid}\t${methods[(c.id * 7) % methods.length]}\t${owner}\t${createdAt}\t${createdAt}\n`;
  }
}
