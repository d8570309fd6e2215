import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { App } from '../../server/appType';
import { connectDatabase, type Db } from '../../server/db/database';
import { hashToken } from '../../server/features/auth/sessions';
import { writeNotifications } from '../../server/features/notifications/writeNotifications';
import { bootstrapAdmin } from '../../server/features/users/bootstrapAdmin';
import { createCompany, signIn, signInAdmin, type ApiClient } from '../support/apiClient';
import { openEventStream, type EventStreamClient } from '../support/eventStreamClient';
import { createTestDatabase } from '../support/testDatabase';
import { testAdminPassword } from '../support/testServer';

/** Short, so a stream notices an ended session within a test's patience. */
const heartbeatMs = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type ServerProcess = { app: App; db: Db; url: string };

/** A server "process": its own app, knex pool and live listener, on the one shared database. */
async function startProcess(url: string): Promise<ServerProcess> {
  const db = connectDatabase(url, 5);
  const app = await buildApp({ db, live: { heartbeatMs } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, db, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

let databaseUrl: string;
let setupDb: Db;
let a: ServerProcess;
let b: ServerProcess;
let admin: ApiClient;
let staffA: ApiClient;
let staffB: ApiClient;
let company: Awaited<ReturnType<typeof createCompany>>;

beforeAll(async () => {
  const database = await createTestDatabase();
  databaseUrl = database.url;
  setupDb = database.db;
  await bootstrapAdmin(setupDb, testAdminPassword);
  [a, b] = await Promise.all([startProcess(databaseUrl), startProcess(databaseUrl)]);
  admin = await signInAdmin(a.app);
  company = await createCompany(admin);
  staffA = await signIn(a.app, 'nhanvien.a', company.password);
  staffB = await signIn(a.app, 'nhanvien.b', company.password);
});

// Open streams end with their process (a client-side abort would leave Node's fetch holding a
// fresh idle connection that keeps server.close() waiting).
afterAll(async () => {
  for (const server of [a, b]) {
    await server?.app.close();
    await server?.db.destroy();
  }
  await setupDb?.destroy();
});

/** A ticket issued by process A (through the API, signed in as `client`). */
async function ticketFor(client: ApiClient): Promise<string> {
  const response = await client.call('POST', '/api/events/ticket');
  expect(response.status).toBe(200);
  return response.body.ticket;
}

async function openStream(server: ServerProcess, client: ApiClient): Promise<EventStreamClient> {
  const { status, stream } = await openEventStream(`${server.url}/api/events?ticket=${await ticketFor(client)}`);
  expect(status).toBe(200);
  return stream!;
}

const count = (stream: EventStreamClient, topic: string) => stream.events.filter((name) => name === topic).length;

async function createCustomer(client: ApiClient, name: string): Promise<{ id: number; version: number }> {
  const response = await client.call('POST', '/api/customers', { name });
  expect(response.status).toBe(201);
  return response.body;
}

describe('live updates across two server processes on one database', () => {
  it('a customer edited through process A reaches a stream on process B within 2 s', async () => {
    const onB = await openStream(b, staffB);
    const customer = await createCustomer(staffA, 'Công ty Sông Hồng');
    const heard = onB.next('customers');
    const started = Date.now();
    const saved = await staffA.call('PATCH', `/api/customers/${customer.id}`, { version: customer.version, name: 'Công ty Sông Hồng Mới' });
    expect(saved.status).toBe(200);
    await heard;
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('announces a transaction once however many rows and statements it changes, and a rolled-back one never', async () => {
    const onB = await openStream(b, staffB);
    await Promise.all(Array.from({ length: 20 }, (_, index) => createCustomer(staffA, `Khách ${index}`)));
    await sleep(300);
    const before = count(onB, 'customers');
    const heard = onB.next('customers');
    await a.db.transaction(async (trx) => {
      await trx('customers').update({ phone: '0901234567' });
      await trx('customers').update({ phone: '0907654321' });
      const { id } = await trx('customers').first('id');
      await trx('customer_shares').insert({ customer_id: id, user_id: staffB.userId, source: 'share', info_types: ['contacts'] });
    });
    await heard;
    await a.db.transaction(async (trx) => {
      await trx('customers').update({ phone: '0900000000' });
      await trx.rollback();
    }).catch(() => undefined);
    await sleep(500);
    expect(count(onB, 'customers') - before).toBe(1);
  });

  it('keeps one LISTEN connection per process, however many streams are open', async () => {
    await Promise.all([openStream(b, staffA), openStream(b, staffB), openStream(a, staffA)]);
    const { rows } = await setupDb.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'crm-server live'`);
    expect(rows[0].n).toBe(2);
  });

  it('sends a notification event only to the streams of its recipients', async () => {
    const [aOnB, bOnA, bOnB] = await Promise.all([openStream(b, staffA), openStream(a, staffB), openStream(b, staffB)]);
    const heard = aOnB.next('notifications');
    const started = Date.now();
    await a.db.transaction((trx) => writeNotifications(trx, [{
      userId: staffA.userId, kind: 'customers_received', title: 'Bạn được Quản trị chuyển 3 khách hàng', data: { count: 3, actorName: 'Quản trị' }, link: '/customers',
    }]));
    await heard;
    expect(Date.now() - started).toBeLessThan(2000);
    await sleep(400);
    expect(count(bOnA, 'notifications')).toBe(0);
    expect(count(bOnB, 'notifications')).toBe(0);

    // Reading them is announced to the reader too (another window's bell follows).
    const unread = await staffA.call('GET', '/api/notifications/unread-count');
    expect(unread.body).toEqual({ count: 1 });
    const readHeard = aOnB.next('notifications');
    expect((await staffA.call('POST', '/api/notifications/read', { all: true })).body).toEqual({ updated: 1 });
    await readHeard;
    expect(count(bOnB, 'notifications')).toBe(0);
  });

  it('past 300 recipients names nobody, so every stream checks its bell', async () => {
    const bOnB = await openStream(b, staffB);
    const { rows } = await a.db.raw(
      `INSERT INTO users (username, password_hash, full_name, role) SELECT 'dong.loat.' || g, 'x', 'Đồng Loạt ' || g, 'staff' FROM generate_series(1, 301) AS g RETURNING id`,
    );
    const heard = bOnB.next('notifications');
    await a.db.transaction((trx) => writeNotifications(trx, rows.map((row: { id: number }) => ({ userId: row.id, kind: 'customers_shared' as const, title: 'Chia sẻ' }))));
    await heard;
  });

  it('tells every stream to refetch after its process lost and regained the LISTEN connection', async () => {
    const onB = await openStream(b, staffB);
    const resynced = Promise.all([onB.next('customers', 5000), onB.next('notifications', 5000)]);
    await setupDb.raw(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'crm-server live'`);
    await resynced;
    const heard = onB.next('customers');
    await createCustomer(staffA, 'Sau khi kết nối lại');
    await heard;
  });

  it('beats a heartbeat comment', async () => {
    const onB = await openStream(b, staffB);
    await sleep(heartbeatMs * 2.5);
    expect(onB.heartbeats()).toBeGreaterThanOrEqual(1);
  });
});

describe('event tickets', () => {
  const streamUrl = (server: ServerProcess, ticket: string) => `${server.url}/api/events?ticket=${encodeURIComponent(ticket)}`;

  it('are issued only to the signed-in', async () => {
    expect((await a.app.inject({ method: 'POST', url: '/api/events/ticket' })).statusCode).toBe(401);
    const ticket = await staffA.call('POST', '/api/events/ticket');
    expect(new Date(ticket.body.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(ticket.body.ticket).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('open one stream once, on any process', async () => {
    const ticket = await ticketFor(staffA);
    const first = await openEventStream(streamUrl(b, ticket));
    expect(first.status).toBe(200);
    const again = await fetch(streamUrl(a, ticket));
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ error: { code: 'UNAUTHORIZED' } });
  });

  it('expire, and refuse unknown, missing and signed-out tickets', async () => {
    const expired = await ticketFor(staffA);
    await setupDb('live_tickets').update({ expires_at: setupDb.raw(`now() - interval '1 second'`) });
    expect((await fetch(streamUrl(b, expired))).status).toBe(401);
    expect((await fetch(streamUrl(b, 'not-a-ticket'))).status).toBe(401);
    // Without a ticket the stream is "not signed in", like any route without its token.
    const missing = await fetch(`${b.url}/api/events`);
    expect(missing.status).toBe(401);
    expect((await missing.json()).error.code).toBe('UNAUTHORIZED');

    const leaving = await signIn(a.app, 'nhanvien.b', company.password);
    const ticket = await ticketFor(leaving);
    expect((await leaving.call('POST', '/api/auth/logout')).status).toBe(200);
    expect((await fetch(streamUrl(b, ticket))).status).toBe(401);
  });

  it('are documented with the stream in the OpenAPI document', async () => {
    const spec = (await a.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(spec.paths['/api/events'].get.responses['200'].content).toHaveProperty('text/event-stream');
    expect(spec.paths['/api/events'].get.security).toEqual([]);
    expect(spec.paths['/api/events/ticket'].post).toBeDefined();
  });
});

describe('a stream ends', () => {
  it('when its user is disabled', async () => {
    const staffC = await signIn(a.app, 'nhanvien.c', company.password);
    const onB = await openStream(b, staffC);
    expect((await admin.call('PATCH', `/api/users/${staffC.userId}`, { active: false })).status).toBe(200);
    await Promise.race([onB.ended, sleep(2000).then(() => { throw new Error('stream still open'); })]);
    expect(onB.events.at(-1)).toBe('end');
  });

  it('when its session signs out or expires, and not otherwise', async () => {
    const leaving = await signIn(a.app, 'nhanvien.a', company.password);
    const signedOut = await openStream(b, leaving);
    const expiring = await signIn(a.app, 'nhanvien.a', company.password);
    const expired = await openStream(a, expiring);
    const staying = await openStream(b, staffA);
    await leaving.call('POST', '/api/auth/logout');
    await setupDb('sessions').where({ token_hash: hashToken(expiring.token) }).update({ expires_at: setupDb.fn.now() });
    const timeout = sleep(2000).then(() => { throw new Error('stream still open'); });
    await Promise.race([Promise.all([signedOut.ended, expired.ended]), timeout]);
    const beats = staying.heartbeats();
    await sleep(heartbeatMs * 2.5);
    expect(staying.heartbeats()).toBeGreaterThan(beats);
    expect(staying.events).not.toContain('end');
  });

  it('when its server shuts down, and the shutdown does not wait for it', async () => {
    const c = await startProcess(databaseUrl);
    const onC = await openStream(c, staffB);
    const started = Date.now();
    await c.app.close();
    await c.db.destroy();
    await onC.ended;
    expect(Date.now() - started).toBeLessThan(1500);
  });
});

describe('notifications API', () => {
  it('counts unread, lists newest first, marks only the caller\'s own read', async () => {
    const write = (userId: number, title: string) => a.db.transaction((trx) => writeNotifications(trx, [{ userId, kind: 'customers_shared', title }]));
    await write(staffB.userId, 'Thứ nhất');
    await write(staffB.userId, 'Thứ hai');
    await write(staffA.userId, 'Của An');
    const mine = (await staffB.call('GET', '/api/notifications?limit=1')).body;
    expect(mine.map((n: { title: string }) => n.title)).toEqual(['Thứ hai']);
    expect((await staffB.call('GET', '/api/notifications/unread-count')).body).toEqual({ count: 2 });
    const others = (await staffA.call('GET', '/api/notifications')).body.map((n: { id: number }) => n.id);
    expect((await staffB.call('POST', '/api/notifications/read', { ids: [mine[0].id, ...others] })).body).toEqual({ updated: 1 });
    expect((await staffA.call('GET', '/api/notifications')).body.every((n: { readAt: string | null; title: string }) => n.title !== 'Của An' || n.readAt === null)).toBe(true);
    expect((await staffB.call('GET', '/api/notifications/unread-count')).body).toEqual({ count: 1 });
    expect((await staffB.call('POST', '/api/notifications/read', { all: true })).body).toEqual({ updated: 1 });
    expect((await staffB.call('GET', '/api/notifications/unread-count')).body).toEqual({ count: 0 });
  });

  it('refuses a mark-read request that names nothing', async () => {
    for (const body of [{}, { all: false }, { ids: [] }, { ids: ['x'] }]) {
      const response = await staffB.call('POST', '/api/notifications/read', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.field).toMatch(/^ids/);
    }
  });
});
