import { copyValue } from './copyRows';
import { companyEmail, mobilePhone, organisationName, personalEmail, personName, streetAddress, taxCode } from './fakeData';
import { entityRandom, Random, seedFor, WeightedChoice } from './random';
import { customerKinds, documentNumber, type SeedWorld } from './seedWorld';

export const customerColumns = [
  'id', 'code', 'name', 'tax_code', 'phone', 'email', 'address', 'owner_id', 'previous_owner_id', 'type_id', 'score', 'stars',
  'care_status', 'in_pool', 'pool_entered_at', 'owner_assigned_at', 'tags', 'created_by', 'created_at', 'updated_at',
] as const;

const starThresholds = [10, 25, 45, 70, 100];
const careStatusShare = 0.75;
const tagLists = ['{"Hội chợ 2025"}', '{"Khách lẻ"}', '{"Ưu tiên"}', '{"Đối tác chiến lược"}', '{"Cần gọi lại","Ưu tiên"}'];
const groupCounts = new WeightedChoice([[0, 25], [1, 40], [2, 25], [3, 10]] as const);
const poolShare = 0.01;

/** The person behind a "Cá nhân" customer, reproducible by id (the contacts pass needs the same name). */
export function customerPerson(seed: number, customerId: number) {
  return personName(entityRandom(seed, 'customer-person', customerId));
}

/** Customers 1…N, filling `world.facts` on the way. */
export function* customerLines(world: SeedWorld): Generator<string> {
  const { facts, calendar, company } = world;
  const random = new Random(seedFor(world.seed, 'customers'));
  const groups = new WeightedChoice(company.groups.map((group, index) => [index, group.popularity] as const));
  for (let index = 0; index < facts.count; index++) {
    const id = index + 1;
    const type = world.customerTypes.pick(random);
    const kind = customerKinds[type.kind];
    let name: string;
    let email: string | null;
    let place: string | undefined;
    if (kind === 'person') {
      const person = customerPerson(world.seed, id);
      name = person.fullName;
      email = random.chance(0.7) ? personalEmail(random, person.slug) : null;
    } else {
      const organisation = organisationName(random, kind, random.between(1, 999));
      name = organisation.name;
      place = organisation.province;
      email = random.chance(0.85) ? companyEmail(random, organisation.slug) : null;
    }
    const phone = random.chance(0.92) ? mobilePhone(random) : null;
    const address = random.chance(0.9) ? streetAddress(random, place) : null;
    const tax = kind === 'person' ? (random.chance(0.1) ? taxCode(random) : null) : random.chance(0.9) ? taxCode(random) : null;

    // More customers recently: density grows linearly over the years.
    const createdDay = Math.min(calendar.today - 1, Math.floor(calendar.today * Math.sqrt(random.next())));
    const createdSecond = 8 * 3600 + random.int(10 * 3600);
    const handler = world.owners.pick(random);
    const inPool = random.chance(poolShare);
    const poolDay = inPool ? createdDay + 1 + random.int(Math.max(1, calendar.today - createdDay - 1)) : 0;

    let mask = 0;
    let points = 0;
    for (let n = groupCounts.pick(random); n > 0; n--) {
      const group = groups.pick(random);
      if (mask & (1 << group)) continue;
      mask |= 1 << group;
      points += company.groups[group].points;
    }
    const score = points + random.int(40);
    let stars = 0;
    while (stars < starThresholds.length && score >= starThresholds[stars]) stars++;

    facts.ownerId[index] = inPool ? 0 : handler;
    facts.handlerId[index] = handler;
    facts.createdDay[index] = createdDay;
    facts.createdSecond[index] = createdSecond;
    facts.kind[index] = type.kind;
    facts.groupMask[index] = mask;
    facts.poolDay[index] = poolDay;

    const createdAt = calendar.timestamp(createdDay, createdSecond);
    const care = random.chance(careStatusShare) && world.careStatuses ? world.careStatuses.pick(random) : null;
    const tags = random.chance(0.08) ? random.pick(tagLists) : '{}';
    yield `${id}\t${documentNumber('KH', id)}\t${copyValue(name)}\t${copyValue(tax)}\t${copyValue(phone)}\t${copyValue(email)}\t${copyValue(address)}\t${inPool ? '\\N' : handler}\t${inPool ? handler : '\\N'}\t${type.id}\t${score}\t${stars}\t${copyValue(care)}\t${inPool ? 't' : 'f'}\t${inPool ? calendar.timestamp(poolDay, 7 * 3600) : '\\N'}\t${createdAt}\t${tags}\t${handler}\t${createdAt}\t${createdAt}\n`;
  }
}

export const groupMemberColumns = ['customer_id', 'group_id'] as const;

export function* groupMemberLines(world: SeedWorld): Generator<string> {
  const { facts, company } = world;
  for (let index = 0; index < facts.count; index++) {
    const mask = facts.groupMask[index];
    if (mask === 0) continue;
    for (let group = 0; group < company.groups.length; group++) {
      if (mask & (1 << group)) yield `${index + 1}\t${company.groups[group].id}\n`;
    }
  }
}

export const historyColumns = ['customer_id', 'from_user_id', 'to_user_id', 'reason', 'changed_by', 'at'] as const;

/** 'create' for every customer, then 'pool' for those the pool rules took. */
export function* ownershipHistoryLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  for (let index = 0; index < facts.count; index++) {
    const handler = facts.handlerId[index];
    const day = facts.createdDay[index];
    yield `${index + 1}\t\\N\t${handler}\tcreate\t${handler}\t${calendar.timestamp(day, facts.createdSecond[index])}\n`;
  }
  for (let index = 0; index < facts.count; index++) {
    if (facts.poolDay[index] === 0) continue;
    yield `${index + 1}\t${facts.handlerId[index]}\t\\N\tpool\t\\N\t${calendar.timestamp(facts.poolDay[index], 7 * 3600)}\n`;
  }
}
