import pg from 'pg';
import { silentLogger, type Logger } from '@icc/core';
import type { IccEvent } from '@icc/protocol';

/** Channel every append notifies on commit, with its last seq: a wake-up only, the events are read from the log. */
export const EVENTS_CHANNEL = 'icc_events';
/** The LISTEN connection's name in `pg_stat_activity`. */
export const LOG_TAIL_APPLICATION_NAME = 'icc-log-tail';

export interface LogTailOptions {
  /** The database of the log; the tail holds one connection of its own for LISTEN. */
  url: string;
  /** Reads the log (`store.readAfter`). */
  readAfter(afterSeq: number, limit: number): Promise<IccEvent[]>;
  /** Deliver events with `seq` greater than this one. */
  afterSeq: number;
  /** Called with each batch in `seq` order, one call at a time (awaited), never twice for one event. */
  onEvents(events: IccEvent[]): void | Promise<void>;
  /**
   * The last `seq` this process already delivered by other means, gap-free (the gateway's hub, which
   * publishes the appends of this gateway as they commit). A notification up to it reads nothing,
   * and a read starts after it. Default: none.
   */
  deliveredElsewhere?(): number;
  /** Reads even without a notification this often: a missed wake-up delays events, never loses them. Default 1,000 ms. */
  pollEveryMs?: number;
  /** Events per read. Default 500. */
  batchSize?: number;
  /** Wait before connecting again after the LISTEN connection is lost. Default 250 ms. */
  reconnectDelayMs?: number;
  logger?: Logger;
}

export interface LogTail {
  /** The last `seq` delivered. */
  position(): number;
  close(): Promise<void>;
}

/**
 * Follows the shared event log, for a gateway that fans out events other gateways appended.
 * NOTIFY only wakes the tail (several commits' notifications coalesce into one read); the log
 * itself is the carrier, read by `seq`, so what a reader gets is gap-free and in order whatever
 * happens to notifications. Losing the LISTEN connection costs at most `pollEveryMs` of delay.
 */
export async function openPostgresLogTail(options: LogTailOptions): Promise<LogTail> {
  const pollEveryMs = options.pollEveryMs ?? 1_000;
  const batchSize = options.batchSize ?? 500;
  const reconnectDelayMs = options.reconnectDelayMs ?? 250;
  const logger = options.logger ?? silentLogger;
  let position = options.afterSeq;
  let closed = false;
  let listener: pg.Client | undefined;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let wanted = false;
  let draining: Promise<void> | undefined;
  /** The highest `seq` notified; a wake-up without one (poll, reconnect, a payload not a seq) must read. */
  let notifiedUpTo = 0;
  let mustRead = false;
  const deliveredElsewhere = options.deliveredElsewhere ?? (() => 0);

  const drainOnce = async () => {
    // This process's own commit is usually notified before its append has been published: one
    // turn later it has, and there is nothing to read.
    await new Promise((resolve) => setImmediate(resolve));
    while (wanted && !closed) {
      wanted = false;
      position = Math.max(position, deliveredElsewhere());
      if (!mustRead && position >= notifiedUpTo) continue;
      mustRead = false;
      for (;;) {
        const events = await options.readAfter(position, batchSize);
        if (closed || events.length === 0) break;
        await options.onEvents(events);
        position = events[events.length - 1]?.seq ?? position;
        if (events.length < batchSize) break;
      }
    }
  };
  const wakeToRead = () => {
    mustRead = true;
    wake();
  };
  const notified = (message: pg.Notification) => {
    const seq = Number(message.payload);
    if (!Number.isSafeInteger(seq)) return wakeToRead();
    notifiedUpTo = Math.max(notifiedUpTo, seq);
    if (seq > Math.max(position, deliveredElsewhere())) wake();
  };
  const wake = () => {
    wanted = true;
    draining ??= drainOnce()
      .catch((error: unknown) => {
        // The store is unreachable: the next poll or notification tries again from the same position.
        logger.warn({ err: error, position }, 'log tail: reading the log failed');
      })
      .finally(() => {
        draining = undefined;
        if (wanted && !closed) wake();
      });
  };

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: options.url, application_name: LOG_TAIL_APPLICATION_NAME });
    const lost = (error?: Error) => {
      if (listener !== client) return;
      listener = undefined;
      client.end().catch(() => undefined);
      if (closed) return;
      logger.warn({ err: error }, 'log tail: LISTEN connection lost, connecting again');
      // A failed attempt calls `lost` itself, which schedules the next one.
      reconnectTimer = setTimeout(() => void connect().catch(() => undefined), reconnectDelayMs);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', notified);
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      throw error;
    }
    // Whatever was committed while not listening.
    wakeToRead();
  };

  await connect().catch((error: unknown) => {
    closed = true;
    clearTimeout(reconnectTimer);
    throw error;
  });
  const poll = setInterval(wakeToRead, pollEveryMs);
  return {
    position: () => position,
    async close() {
      closed = true;
      clearInterval(poll);
      clearTimeout(reconnectTimer);
      const client = listener;
      listener = undefined;
      await draining;
      await client?.end().catch(() => undefined);
    },
  };
}
