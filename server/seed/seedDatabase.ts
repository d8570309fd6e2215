import type { Knex } from 'knex';
import { adminBootstrapMessage, bootstrapAdmin } from '../features/users/bootstrapAdmin';
import { seedAtScale, type ScaleSeedOptions, type ScaleSeedResult } from './scaleSeed';

export type SeedDatabaseOptions = ScaleSeedOptions & {
  /** CRM_ADMIN_PASSWORD, or undefined for a generated one. */
  adminPassword: string | undefined;
  /** Receives the admin bootstrap's message (the same one the server prints at start), if any. */
  announce: (message: string) => void;
};

/**
 * What `npm run seed` does: fills the database (seedAtScale), then gives it an active admin the
 * way the server does at start, so a seeded database is never left without one. The admin
 * bootstrap runs even when the seed fails; the seed's error is the one thrown.
 */
export async function seedDatabase(db: Knex, options: SeedDatabaseOptions): Promise<ScaleSeedResult> {
  let result: ScaleSeedResult;
  try {
    result = await seedAtScale(db, options);
  } catch (error) {
    await ensureAdmin(db, options).catch(() => undefined);
    throw error;
  }
  await ensureAdmin(db, options);
  return result;
}

async function ensureAdmin(db: Knex, options: SeedDatabaseOptions): Promise<void> {
  const message = adminBootstrapMessage(await bootstrapAdmin(db, options.adminPassword));
  if (message) options.announce(message);
}
