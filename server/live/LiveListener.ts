import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import type pg from 'pg';
import { liveChannel, parseLiveEvent, type LiveEvent } from './liveEvent';

type LiveListenerOptions = {
  db: Knex;
  log: FastifyBaseLogger;
  onEvent: (event: LiveEvent) => void;
  /** After a reconnect: events may have been missed while the connection was down. */
  onReconnected: () => void;
};

const firstRetryMs = 500;
const maxRetryMs = 30_000;

/**
 * The process's one LISTEN connection: a dedicated client (outside the knex pool, which would
 * hand it to queries and drop the LISTEN), with the pool's connection settings. A lost
 * connection is retried with exponential backoff until `stop()`.
 */
export class LiveListener {
  private client: pg.Client | null = null;
  private firstConnect: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: LiveListenerOptions) {}

  /** Starts listening; resolves after the first attempt (a failed one keeps retrying in the background). */
  start(): Promise<void> {
    this.firstConnect ??= this.connect(false);
    return this.firstConnect;
  }

  /** A connection that died without a TCP reset only shows when used: a trivial query finds it. */
  async check(): Promise<void> {
    const client = this.client;
    if (!client) return;
    await client.query('SELECT 1').catch((error: unknown) => this.lost(client, error));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(reconnecting: boolean): Promise<void> {
    let client: pg.Client | undefined;
    try {
      client = (await this.options.db.client.acquireRawConnection()) as pg.Client;
      const connected = client;
      connected.on('notification', (message) => {
        const event = message.channel === liveChannel ? parseLiveEvent(message.payload) : null;
        if (event) this.options.onEvent(event);
      });
      connected.on('error', (error) => this.lost(connected, error));
      connected.on('end', () => this.lost(connected, new Error('connection ended')));
      await connected.query(`SET application_name = 'crm-server live'; LISTEN ${liveChannel}`);
    } catch (error) {
      await client?.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.log.warn({ err: error }, 'live updates: cannot LISTEN, retrying');
      this.retry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    if (reconnecting) {
      this.options.log.info('live updates: listening again');
      this.options.onReconnected();
    }
  }

  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.end().catch(() => undefined);
    if (this.stopped) return;
    this.options.log.warn({ err: error }, 'live updates: LISTEN connection lost, reconnecting');
    this.retry();
  }

  private retry(): void {
    const delay = Math.min(maxRetryMs, firstRetryMs * 2 ** this.failures) * (0.75 + Math.random() / 2);
    this.failures += 1;
    this.retryTimer = setTimeout(() => void this.connect(true), delay);
    this.retryTimer.unref();
  }
}
