import { loadConfig } from './config';
import { buildApp } from './app';
import { openConfiguredDatabase } from './db/configuredDatabase';
import { adminBootstrapMessage, bootstrapAdmin } from './features/users/bootstrapAdmin';
import { Scheduler } from './scheduler/scheduler';
import { warmAdminLists } from './features/warmAdminLists';
import { seedDemoCompany } from './seed/demoCompany';
import { scheduledJobs } from './scheduler/jobs/index';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (line) => process.stdout.write(line));
  const adminMessage = adminBootstrapMessage(await bootstrapAdmin(database.db, config.adminPassword));
  if (adminMessage) console.log(adminMessage);
  if (config.demo) {
    const demo = await seedDemoCompany(database.db);
    if (demo.created) console.log(`Demo company created: ${demo.customers} customers, ${demo.users} users (nv001…) with the password ${demo.password}`);
  }
  const app = await buildApp({ db: database.db, uiDir: config.uiDir, sessionHours: config.sessionHours, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

  const scheduler = new Scheduler(database.db, scheduledJobs, { log: (message) => app.log.warn(message) });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await scheduler.stop();
    await app.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  await scheduler.start();
  warmAdminLists(database.db).catch((error: unknown) => app.log.warn({ err: error }, 'list warm-up failed'));
  console.log(`CRM server ready: http://localhost:${config.port}/ (listening on ${config.host}:${config.port})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
