import { PassThrough } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import type { Knex } from 'knex';
import type { Actor } from '../access/actor';
import { liveSessionHashes } from '../features/auth/sessions';
import type { LiveTopic } from '../../shared/schemas/live';
import type { LiveEvent } from './liveEvent';

type Stream = { userId: number; sessionHash: string; body: PassThrough };

type LiveStreamsOptions = {
  db: Knex;
  log: FastifyBaseLogger;
  /** Comment lines keep proxies from closing an idle stream; each beat also re-checks the sessions. */
  heartbeatMs: number;
  /** Run at every heartbeat too (the listener checks its connection). */
  onHeartbeat: () => Promise<void>;
};

/** How long a browser waits before reconnecting by itself (the renderer reconnects with a fresh ticket). */
const retryMs = 3000;
/** A client this far behind reading is stuck: drop it rather than buffer for it. */
const maxBufferedBytes = 64 * 1024;
const closeGraceMs = 1000;

/**
 * The open server-sent event streams of this process. Every stream hears `customers`;
 * `notifications` reaches only the users it names (everyone when it names none). A stream ends
 * when its session ends or its user is disabled (checked at every heartbeat, one query for all),
 * and when the server shuts down.
 */
export class LiveStreams {
  private readonly streams = new Set<Stream>();
  private heartbeat: NodeJS.Timeout | null = null;
  /** A slow check must not overlap the next one. */
  private beating = false;

  constructor(private readonly options: LiveStreamsOptions) {}

  /** A new stream body for the actor's session: the `retry` hint and `ready` are its first lines. */
  open(actor: Actor, sessionHash: string): PassThrough {
    const stream: Stream = { userId: actor.id, sessionHash, body: new PassThrough() };
    this.streams.add(stream);
    stream.body.on('close', () => this.remove(stream));
    stream.body.write(`retry: ${retryMs}\n\n`);
    this.send(stream, 'ready');
    this.heartbeat ??= setInterval(() => void this.beat(), this.options.heartbeatMs);
    return stream.body;
  }

  publish(event: LiveEvent): void {
    const userIds = event.userIds ? new Set(event.userIds) : null;
    for (const stream of this.streams) {
      if (!userIds || userIds.has(stream.userId)) this.send(stream, event.topic);
    }
  }

  /** After events may have been missed: every client refetches everything. */
  resync(): void {
    this.publish({ topic: 'customers' });
    this.publish({ topic: 'notifications' });
  }

  /** Ends every stream (server shutdown); a client that does not read the end within a second is cut off. */
  async closeAll(): Promise<void> {
    const open = [...this.streams].filter((stream) => !stream.body.destroyed);
    const closed = Promise.all(open.map((stream) => new Promise<void>((resolve) => {
      stream.body.once('close', () => resolve());
      this.end(stream);
    })));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, closeGraceMs)))]);
    clearTimeout(timer);
    for (const stream of open) stream.body.destroy();
  }

  private send(stream: Stream, topic: LiveTopic | 'ready' | 'end'): void {
    if (stream.body.readableLength + stream.body.writableLength > maxBufferedBytes) {
      this.remove(stream);
      stream.body.destroy();
      return;
    }
    stream.body.write(`event: ${topic}\ndata: {}\n\n`);
  }

  /** Ends the response once what was written is read; nothing more is written to it. */
  private end(stream: Stream): void {
    this.remove(stream);
    stream.body.end();
  }

  private remove(stream: Stream): void {
    this.streams.delete(stream);
    if (this.streams.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      const streams = [...this.streams];
      const live = await liveSessionHashes(this.options.db, [...new Set(streams.map((stream) => stream.sessionHash))]);
      for (const stream of streams) {
        if (!this.streams.has(stream)) continue; // closed while the check ran
        if (live.has(stream.sessionHash)) {
          stream.body.write(': heartbeat\n\n');
        } else {
          this.send(stream, 'end');
          this.end(stream);
        }
      }
      await this.options.onHeartbeat();
    } catch (error) {
      this.options.log.warn({ err: error }, 'live updates: heartbeat check failed');
    } finally {
      this.beating = false;
    }
  }
}
