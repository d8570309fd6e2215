import type { CustomerKind } from './fakeData';
import { WeightedChoice } from './random';
import type { SeedCalendar } from './seedCalendar';
import type { CompanyRefs } from './seedCompany';

export const customerKinds: readonly CustomerKind[] = ['company', 'person', 'agency', 'distributor', 'public'];

/**
 * What later tables must know about each customer (index = id - 1), filled while the customers
 * are generated: a few typed arrays (≈ 20 bytes a customer), never the rows themselves.
 */
export type CustomerFacts = {
  count: number;
  /** The owner; 0 for a customer in the common pool. */
  ownerId: Int32Array;
  /** Who worked the customer: the owner, or the previous owner of a pool customer. */
  handlerId: Int32Array;
  createdDay: Uint16Array;
  createdSecond: Int32Array;
  kind: Uint8Array;
  /** Bit i set = member of company.groups[i]. */
  groupMask: Uint16Array;
  /** Day the customer entered the common pool; 0 when it has an owner. */
  poolDay: Uint16Array;
  /** Id of the customer's first contact (filled by the contacts pass). */
  firstContactId: Int32Array;
};

export type SeedWorld = {
  seed: number;
  calendar: SeedCalendar;
  company: CompanyRefs;
  facts: CustomerFacts;
  owners: WeightedChoice<number>;
  customerTypes: WeightedChoice<{ id: number; kind: number }>;
  /** Values of the managed care-status list; null when it is empty. */
  careStatuses: WeightedChoice<string> | null;
};

export function createWorld(
  seed: number, calendar: SeedCalendar, company: CompanyRefs, customers: number, careStatuses: WeightedChoice<string> | null,
): SeedWorld {
  const ownerCandidates = company.users.filter((user) => user.ownerWeight > 0).map((user) => [user.id, user.ownerWeight] as const);
  if (ownerCandidates.length === 0) throw new Error('The company plan has no users who own customers');
  return {
    seed,
    calendar,
    company,
    careStatuses,
    owners: new WeightedChoice(ownerCandidates),
    customerTypes: new WeightedChoice(company.customerTypes.map((type) => [{ id: type.id, kind: customerKinds.indexOf(type.kind) }, type.share] as const)),
    facts: {
      count: customers,
      ownerId: new Int32Array(customers),
      handlerId: new Int32Array(customers),
      createdDay: new Uint16Array(customers),
      createdSecond: new Int32Array(customers),
      kind: new Uint8Array(customers),
      groupMask: new Uint16Array(customers),
      poolDay: new Uint16Array(customers),
      firstContactId: new Int32Array(customers),
    },
  };
}

/** `KH000123`; past a million the number simply grows (KH1000000). */
export function documentNumber(prefix: string, n: number): string {
  return prefix + (n < 1_000_000 ? String(n).padStart(6, '0') : String(n));
}
