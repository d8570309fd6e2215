import { Type, type Static } from 'typebox';
import { Id, Money, Name, Nullable } from './common';

/**
 * C4 customer tiers (Phân cấp khách hàng). `basis` revenue: the sum of the customer's live sales
 * contracts (paid or not), and a tier's threshold is an amount or a number of live contracts;
 * basis payment: the sum of live payments, and only amount tiers apply. A customer's tier is the
 * highest it meets: greatest discount, then (equal discounts) amount tiers before contract-count
 * tiers, then the greater threshold, then the older tier. `autoUpdate`: tiers follow contracts and
 * payments as they are written (and a nightly recompute); off, they change only by hand or by
 * `POST /api/tiers/recompute`.
 */
export const tierBases = ['revenue', 'payment'] as const;
export type TierBasis = (typeof tierBases)[number];

export const TierSettings = Type.Object({
  basis: Type.Enum(tierBases),
  autoUpdate: Type.Boolean(),
});
export type TierSettings = Static<typeof TierSettings>;

const MinContracts = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const DiscountPercent = Type.Number({ minimum: 0, maximum: 100 });

export const Tier = Type.Object({
  id: Id,
  name: Type.String(),
  /** Revenue (or paid amount) ≥ this, VND; null for a contract-count tier. */
  minAmount: Nullable(Type.Number()),
  /** Live contracts ≥ this; null for an amount tier. */
  minContracts: Nullable(Type.Integer()),
  discountPercent: Type.Number(),
  /** Live customers in this tier now. */
  customerCount: Type.Integer(),
});
export type Tier = Static<typeof Tier>;

const tierFields = {
  name: Name,
  minAmount: Money,
  minContracts: MinContracts,
  discountPercent: DiscountPercent,
  /** Cập nhật cho toàn bộ hàng hóa: set the discount of the open quote and order lines of the tier's customers. */
  applyToExistingItems: Type.Boolean(),
};

/** Exactly one of `minAmount` / `minContracts` (a 400 naming the field otherwise). */
export const CreateTierBody = Type.Object({
  name: tierFields.name,
  minAmount: Type.Optional(tierFields.minAmount),
  minContracts: Type.Optional(tierFields.minContracts),
  discountPercent: tierFields.discountPercent,
  applyToExistingItems: tierFields.applyToExistingItems,
});
export type CreateTierBody = Static<typeof CreateTierBody>;

/** Giving `minAmount` or `minContracts` replaces the threshold (of either kind); `applyToExistingItems` defaults to false. */
export const UpdateTierBody = Type.Partial(Type.Object(tierFields), { minProperties: 1 });
export type UpdateTierBody = Static<typeof UpdateTierBody>;

/** The tier after a create or edit, and how many open document lines got its discount. */
export const TierWriteResult = Type.Intersect([Tier, Type.Object({ repricedLines: Type.Integer() })]);
export type TierWriteResult = Static<typeof TierWriteResult>;

export const TierRecomputeResult = Type.Object({ changed: Type.Integer() });
export type TierRecomputeResult = Static<typeof TierRecomputeResult>;

const TierRef = Type.Object({ id: Id, name: Type.String() });

/**
 * The customer detail's tier: its tier and discount, what it has under the basis now and what it
 * lacks for the next tier up (the lowest applicable tier above its own that it does not meet;
 * null at the top). Amounts are null, and `next` too, when the caller may not see its contracts.
 */
export const CustomerTier = Type.Object({
  tier: Nullable(TierRef),
  discountPercent: Nullable(Type.Number()),
  basis: Type.Enum(tierBases),
  current: Type.Object({ amount: Nullable(Type.Number()), contracts: Nullable(Type.Integer()) }),
  next: Nullable(Type.Object({
    tier: TierRef,
    missingAmount: Nullable(Type.Number()),
    missingContracts: Nullable(Type.Integer()),
  })),
});
export type CustomerTier = Static<typeof CustomerTier>;
