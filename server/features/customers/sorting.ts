import type { Knex } from 'knex';
import type { CustomerSortField } from '../../../shared/schemas/enums';

type SortColumn = { expression: string; cast: 'text' | 'integer' | 'timestamptz' | 'bigint'; nullable: boolean; unique?: boolean };
export type SortKey = SortColumn & { direction: 'asc' | 'desc' };

const columns: Record<CustomerSortField, SortColumn> = {
  name: { expression: 'c.name', cast: 'text', nullable: false },
  code: { expression: 'c.code', cast: 'text', nullable: false, unique: true },
  email: { expression: 'c.email', cast: 'text', nullable: true },
  phone: { expression: 'c.phone', cast: 'text', nullable: true },
  taxCode: { expression: 'c.tax_code', cast: 'text', nullable: true },
  address: { expression: 'c.address', cast: 'text', nullable: true },
  score: { expression: 'c.score', cast: 'integer', nullable: false },
  stars: { expression: 'c.stars', cast: 'integer', nullable: false },
  careStatus: { expression: 'c.care_status', cast: 'text', nullable: true },
  createdAt: { expression: 'c.created_at', cast: 'timestamptz', nullable: false },
  updatedAt: { expression: 'c.updated_at', cast: 'timestamptz', nullable: false },
  ownerAssignedAt: { expression: 'c.owner_assigned_at', cast: 'timestamptz', nullable: false },
};

const idKey: SortColumn = { expression: 'c.id', cast: 'bigint', nullable: false };

/** `name:asc,createdAt:desc` → sort keys, ending with a unique key (the id unless one is given) so the order is total. */
export function parseSort(sort: string | undefined): SortKey[] {
  const keys: SortKey[] = [];
  for (const part of (sort || 'name:asc').split(',')) {
    const [field, direction] = part.split(':') as [CustomerSortField, 'asc' | 'desc'];
    const column = columns[field];
    if (column && !keys.some((key) => key.expression === column.expression)) keys.push({ ...column, direction });
    // Keys after a unique one never decide anything; an extra id key would cost a sort (code order: 2.2 s vs 0.9 s).
    if (column?.unique) return keys;
  }
  keys.push({ ...idKey, direction: keys[0]?.direction ?? 'asc' });
  return keys;
}

export function orderBySql(keys: SortKey[]): string {
  // Postgres defaults: NULLS LAST ascending, NULLS FIRST descending; keyset conditions below assume them.
  return keys.map((key) => `${key.expression} ${key.direction}`).join(', ');
}

/** Select list that returns each key as text-safe values (timestamps as text keep microseconds). */
export function keySelectSql(keys: SortKey[]): string {
  return keys.map((key, index) => `${key.expression}${key.cast === 'timestamptz' ? '::text' : ''} AS k${index}`).join(', ');
}

type Value = string | number | null;

/**
 * WHERE clause "row is at or after the row whose keys are `values`" in the order of `keys`.
 * Same-direction non-null keys use a row comparison, which a btree index can range-scan.
 */
export function atOrAfter(db: Knex, keys: SortKey[], values: Value[]): Knex.Raw {
  const uniform = keys.every((key) => !key.nullable && key.direction === keys[0].direction);
  if (uniform) {
    const tuple = keys.map((key) => key.expression).join(', ');
    const params = keys.map((key) => `?::${key.cast}`).join(', ');
    return db.raw(`(${tuple}) ${keys[0].direction === 'asc' ? '>=' : '<='} (${params})`, values);
  }
  const expand = (index: number): Knex.Raw => {
    if (index === keys.length) return db.raw('TRUE');
    const key = keys[index];
    const value = values[index];
    const after = strictlyAfter(db, key, value);
    const equal = value === null ? db.raw(`${key.expression} IS NULL`) : db.raw(`${key.expression} = ?::${key.cast}`, [value]);
    return db.raw('(? OR (? AND ?))', [after, equal, expand(index + 1)]);
  };
  return expand(0);
}

/** WHERE clause "row is before the row whose keys are `values`": the upper bound of a page's range. */
export function before(db: Knex, keys: SortKey[], values: Value[]): Knex.Raw {
  const uniform = keys.every((key) => !key.nullable && key.direction === keys[0].direction);
  if (!uniform) return db.raw('NOT ?', [atOrAfter(db, keys, values)]);
  const tuple = keys.map((key) => key.expression).join(', ');
  const params = keys.map((key) => `?::${key.cast}`).join(', ');
  return db.raw(`(${tuple}) ${keys[0].direction === 'asc' ? '<' : '>'} (${params})`, values);
}

function strictlyAfter(db: Knex, key: SortKey, value: Value): Knex.Raw {
  if (key.direction === 'asc') {
    if (value === null) return db.raw('FALSE');
    return key.nullable ? db.raw(`(${key.expression} > ?::${key.cast} OR ${key.expression} IS NULL)`, [value]) : db.raw(`${key.expression} > ?::${key.cast}`, [value]);
  }
  if (value === null) return db.raw(`${key.expression} IS NOT NULL`);
  return db.raw(`${key.expression} < ?::${key.cast}`, [value]);
}
