import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/configuredDatabase';
import { CustomersExistError, type ScaleSeedResult } from './scaleSeed';
import { seedDatabase } from './seedDatabase';
import { vietnamToday } from './seedCalendar';

const usage = `Usage: npm run seed -- --customers N [--seed S] [--as-of YYYY-MM-DD] [--password P]

Fills the configured database (DATABASE_URL, or the embedded Postgres under CRM_DATA_DIR,
default ./data; stop the server first) with a Vietnamese company: 20 departments, 300 users
(nv001 … nv300, one shared password), customer types, groups, products, and N customers with
contacts, 5 activities each, opportunities, quotes, contracts, payments and ownership history.

The database must have no customers yet: the seed refuses otherwise (it never appends or
deletes). Existing users such as admin are left untouched. Same --seed and --as-of, same data.
Like the server's start, it creates user admin when the database has no active admin
(password: CRM_ADMIN_PASSWORD, or a random one printed once).

  --customers N     how many customers (required), e.g. 1000000
  --seed S          PRNG seed (default 20261123)
  --as-of DAY       the "today" of the data (default: today in Vietnam); history spans 3 years before it
  --password P      password of the seeded users (default Demo@12345)
`;

function printTimings(result: ScaleSeedResult): void {
  const seconds = (ms: number) => (ms / 1000).toFixed(1).padStart(7);
  console.log(`\n${'table'.padEnd(24)} ${'rows'.padStart(10)} ${'copy s'.padStart(7)} ${'index s'.padStart(7)} ${'fkey s'.padStart(7)} ${'analyze'.padStart(7)} ${'total s'.padStart(7)}`);
  for (const t of result.tables) {
    const total = t.copyMs + t.indexMs + t.constraintMs + t.analyzeMs;
    console.log(`${t.table.padEnd(24)} ${String(t.rows).padStart(10)} ${seconds(t.copyMs)} ${seconds(t.indexMs)} ${seconds(t.constraintMs)} ${seconds(t.analyzeMs)} ${seconds(total)}`);
  }
  console.log(`company (departments, users, types, groups, products): ${seconds(result.companyMs)} s`);
  console.log(`total: ${(result.totalMs / 1000).toFixed(1)} s`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string' }, seed: { type: 'string' }, 'as-of': { type: 'string' }, password: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
  const customers = Number(values.customers);
  if (values.help || !Number.isInteger(customers) || customers < 1 || customers > 20_000_000) {
    console.log(usage);
    process.exit(values.help ? 0 : 1);
  }
  const seed = values.seed === undefined ? 20261123 : Number(values.seed);
  const asOf = values['as-of'] ?? vietnamToday();
  if (!Number.isInteger(seed) || !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    console.log(usage);
    process.exit(1);
  }
  const password = values.password ?? 'Demo@12345';

  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (line) => process.stdout.write(line));
  const adminMessages: string[] = [];
  try {
    console.log(`Seeding ${customers.toLocaleString('en')} customers (seed ${seed}, as of ${asOf}) …`);
    const result = await seedDatabase(database.db, {
      customers, seed, asOf, password, log: (line) => process.stdout.write(line), adminPassword: config.adminPassword, announce: (message) => adminMessages.push(message),
    });
    printTimings(result);
    console.log(`\n${result.users} users nv001 … nv${String(result.users).padStart(3, '0')} share the password: ${password}`);
  } catch (error) {
    if (error instanceof CustomersExistError) {
      console.error(`${error.message}; the seed only fills an empty database. Use a fresh CRM_DATA_DIR or DATABASE_URL.`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  } finally {
    for (const message of adminMessages) console.log(message);
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
