import type { Knex } from 'knex';
import { companyEmail, mobilePhone, organisationName, personalEmail, personName, streetAddress, taxCode, type PersonName } from './fakeData';
import { Random, WeightedChoice } from './random';
import type { SeedCalendar } from './seedCalendar';
import type { CompanyRefs } from './seedCompany';

/** A demo customer as the later passes (sales, activities) need it. */
export type DemoCustomer = {
  id: number;
  /** Who works the customer: its owner, or the previous owner of a pool customer. */
  handlerId: number;
  /** Who created it: the handler, or for a transferred customer the colleague who had it first. */
  creatorId: number;
  createdDay: number;
  /** The day the handler received it (`owner_assigned_at`): the creation day unless transferred. */
  receivedDay: number;
  inPool: boolean;
  poolDay: number;
  person: PersonName | null;
  groupIds: number[];
  careStatus: string | null;
  firstContactId: number | null;
};

const transferShare = 0.25;
const poolShare = 0.04;
const careStatusShare = 0.85;

/**
 * Customers with their groups, ownership history and contacts. A quarter were created by one
 * colleague months ago and transferred to their current owner later (history 'create' then
 * 'transfer'); a few sit in the common pool (history 'pool').
 */
export async function insertDemoCustomers(
  trx: Knex, company: CompanyRefs, calendar: SeedCalendar, random: Random, count: number, careStatuses: WeightedChoice<string> | null,
): Promise<DemoCustomer[]> {
  const owners = new WeightedChoice(company.users.filter((u) => u.ownerWeight > 0).map((u) => [u.id, u.ownerWeight] as const));
  const types = new WeightedChoice(company.customerTypes.map((t) => [t, t.share] as const));
  const managers = company.users.filter((u) => u.role === 'manager');
  const { today } = calendar;
  const planned: (DemoCustomer & { row: Record<string, unknown>; transferredBy: number | null })[] = [];
  for (let n = 0; n < count; n++) {
    const type = types.pick(random);
    const person = type.kind === 'person' ? personName(random) : null;
    const organisation = type.kind === 'person' ? null : organisationName(random, type.kind, random.between(1, 999));
    const handlerId = owners.pick(random);
    const inPool = random.chance(poolShare);
    const transferred = !inPool && random.chance(transferShare);
    let creatorId = handlerId;
    let createdDay = today - 1 - random.int(365);
    let receivedDay = createdDay;
    let transferredBy: number | null = null;
    if (transferred) {
      for (let tries = 0; creatorId === handlerId && tries < 20; tries++) creatorId = owners.pick(random);
      createdDay = today - random.between(75, 365);
      receivedDay = random.between(createdDay + 21, today - 1);
      const handler = company.users.find((u) => u.id === handlerId)!;
      transferredBy = (managers.find((m) => m.departmentId === handler.departmentId) ?? managers[0] ?? handler).id;
    }
    const createdAt = calendar.instant(createdDay, 8 * 3600 + random.int(9 * 3600));
    const receivedAt = transferred ? calendar.instant(receivedDay, 8 * 3600 + random.int(9 * 3600)) : createdAt;
    const poolDay = inPool ? Math.max(createdDay + 1, today - random.int(10)) : 0;
    const groupIds = company.groups.filter(() => random.chance(0.12)).map((g) => g.id).slice(0, 3);
    const score = groupIds.reduce((sum, id) => sum + (company.groups.find((g) => g.id === id)?.points ?? 0), 0) + random.int(40);
    const careStatus = careStatuses && random.chance(careStatusShare) ? careStatuses.pick(random) : null;
    planned.push({
      id: 0, handlerId, creatorId, createdDay, receivedDay, inPool, poolDay, person, groupIds, careStatus, firstContactId: null, transferredBy,
      row: {
        name: person ? person.fullName : organisation!.name,
        tax_code: person ? null : taxCode(random),
        phone: mobilePhone(random),
        email: person ? personalEmail(random, person.slug) : companyEmail(random, organisation!.slug),
        address: streetAddress(random, organisation?.province),
        owner_id: inPool ? null : handlerId, previous_owner_id: inPool ? handlerId : transferred ? creatorId : null, type_id: type.id,
        score, stars: [10, 25, 45, 70, 100].filter((t) => score >= t).length, care_status: careStatus,
        in_pool: inPool, pool_entered_at: inPool ? calendar.instant(poolDay, 7 * 3600) : null,
        owner_assigned_at: receivedAt, created_by: creatorId, created_at: createdAt, updated_at: receivedAt,
      },
    });
  }
  // Oldest first, so the default codes KH000001… follow creation order.
  planned.sort((a, b) => (a.row.created_at as Date).getTime() - (b.row.created_at as Date).getTime());
  const ids: { id: number }[] = await trx('customers').insert(planned.map((p) => p.row), ['id']);
  planned.forEach((p, index) => (p.id = ids[index].id));

  const members = planned.flatMap((c) => c.groupIds.map((groupId) => ({ customer_id: c.id, group_id: groupId })));
  if (members.length) await trx('customer_group_members').insert(members);
  await trx.batchInsert<Record<string, unknown>>('ownership_history', planned.flatMap((c) => [
    { customer_id: c.id, from_user_id: null, to_user_id: c.creatorId, reason: 'create', changed_by: c.creatorId, at: c.row.created_at },
    ...(c.transferredBy === null ? [] : [{ customer_id: c.id, from_user_id: c.creatorId, to_user_id: c.handlerId, reason: 'transfer', changed_by: c.transferredBy, at: c.row.owner_assigned_at }]),
    ...(c.inPool ? [{ customer_id: c.id, from_user_id: c.handlerId, to_user_id: null, reason: 'pool', changed_by: null, at: c.row.pool_entered_at }] : []),
  ]), 500);

  const contacts = planned.flatMap((c) =>
    // A "Cá nhân" customer is its own contact.
    Array.from({ length: c.person ? 1 : random.between(1, 2) }, () => {
      const person = c.person ?? personName(random);
      return {
        customer: c,
        row: {
          customer_id: c.id, last_name: person.lastName, first_name: person.firstName, email: personalEmail(random, person.slug), phone: mobilePhone(random),
          position: c.person ? null : random.pick(['Giám đốc', 'Phó giám đốc', 'Kế toán trưởng', 'Trưởng phòng hành chính', 'Nhân viên mua hàng', 'Trưởng phòng IT']),
          created_by: c.creatorId, created_at: c.row.created_at, updated_at: c.row.created_at,
        },
      };
    }));
  const contactIds: { id: number }[] = await trx.batchInsert<Record<string, unknown>>('contacts', contacts.map((c) => c.row), 500).returning('id');
  contacts.forEach((contact, index) => (contact.customer.firstContactId ??= contactIds[index].id));
  return planned.map(({ row: _row, transferredBy: _by, ...customer }) => customer);
}
