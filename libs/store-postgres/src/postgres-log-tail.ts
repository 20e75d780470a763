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

  const drainOnce = async () => {
    while (wanted && !closed) {
      wanted = false;
      for (;;) {
        const events = await options.readAfter(position, batchSize);
        if (closed || events.length === 0) break;
        await options.onEvents(events);
        position = events[events.length - 1]?.seq ?? position;
        if (events.length < batchSize) break;
      }
    }
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
    client.on('notification', wake);
    listener = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      throw error;
    }
    // Whatever was committed while not listening.
    wake();
  };

  await connect().catch((error: unknown) => {
    closed = true;
    clearTimeout(reconnectTimer);
    throw error;
  });
  const poll = setInterval(wake, pollEveryMs);
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
