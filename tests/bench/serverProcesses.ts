import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export type ServerProcesses = { baseUrls: string[]; stop: () => Promise<void> };

const root = path.resolve(import.meta.dirname, '../..');
const readyWithinMs = 60_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function started(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let ready = false;
    const timer = setTimeout(() => reject(new Error(`server on port ${port} not ready after ${readyWithinMs} ms:\n${output}`)), readyWithinMs);
    // Read on after it is ready (a full pipe would stall the server), keeping only warnings' tails.
    const read = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (!ready && output.includes('CRM server ready')) {
        ready = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server on port ${port} exited (${code}):\n${output}`));
    });
  });
}

/**
 * `count` server processes (`server/main.ts`, as `npm start` runs it) on one database: the load
 * case measures the server in its own process, as offices run it, rather than sharing one event
 * loop with the 48 simulated users; several processes show how it scales out.
 */
export async function startServerProcesses(databaseUrl: string, count: number): Promise<ServerProcesses> {
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    })));
  };
  try {
    const baseUrls: string[] = [];
    for (let index = 0; index < count; index++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      await started(child, port);
      baseUrls.push(`http://127.0.0.1:${port}`);
    }
    return { baseUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
