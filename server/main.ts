import { loadConfig } from './config';
import { buildApp } from './app';
import { openConfiguredDatabase } from './db/configuredDatabase';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config, (line) => process.stdout.write(line));
  const app = await buildApp({ db: database.db, uiDir: config.uiDir, sessionHours: config.sessionHours, logger: { level: process.env.LOG_LEVEL ?? 'info' } });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info(`${signal}: shutting down`);
    await app.close().catch(() => undefined);
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  console.log(`CRM server ready: http://localhost:${config.port}/ (listening on ${config.host}:${config.port})`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
