import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AsyncEventStore } from '@icc/core';
import type { QueueStats } from '@icc/protocol';
import type { PublishedEvent } from '../events/event-hub';

/** Prometheus metrics of one gateway (own registry, so several gateways can live in one process). */
export interface GatewayMetrics {
  registry: Registry;
  observeEvent(published: PublishedEvent): void;
  observeCommand(command: string, outcome: 'ok' | 'error', seconds: number): void;
  observeHttp(method: string, route: string, status: number, seconds: number): void;
  wsConnections: Gauge;
}

export interface GatewayMetricsOptions {
  processMetrics?: boolean;
  /** Subscribes to the store's syncs of its log (the SQLite store's `onLogSynced`), in seconds each. */
  logSyncs?: (listener: (seconds: number) => void) => unknown;
  /** The size of the store's log file now, in bytes (the SQLite store's `logFileBytes`). */
  logFileBytes?: () => number;
  /** Running totals of the store's durability work (the SQLite store's `stats()`). */
  storeTotals?: () => StoreTotals;
}

export interface StoreTotals {
  /** Transactions committed by group commit. */
  commits: number;
  /** Checkpoints of the log into the database file. */
  checkpoints: number;
  /** Times the log was checkpointed to its end and then written from its start again. */
  logRestarts: number;
}

export function createGatewayMetrics(store: AsyncEventStore, now: () => number, options: GatewayMetricsOptions = {}): GatewayMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  let statsCache: { at: number; stats: Promise<QueueStats[]> } | undefined;
  const currentStats = () => {
    // One store read per scrape serves both gauges.
    const at = now();
    if (!statsCache || statsCache.at !== at) statsCache = { at, stats: store.queueStats(at) };
    return statsCache.stats;
  };

  new Gauge({
    name: 'icc_queue_depth',
    help: 'Callbacks waiting in the queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const current = await currentStats();
      this.reset();
      for (const stats of current) this.set({ queue: stats.queueId }, stats.depth);
    },
  });
  new Gauge({
    name: 'icc_queue_oldest_wait_seconds',
    help: 'Wait of the oldest callback in the queue',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      const current = await currentStats();
      this.reset();
      for (const stats of current) this.set({ queue: stats.queueId }, stats.oldestWaitSeconds);
    },
  });
  const offers = new Counter({ name: 'icc_offers_total', help: 'Interactions offered to agents', labelNames: ['queue'], registers: [registry] });
  const answers = new Counter({ name: 'icc_answers_total', help: 'Dial attempts the customer answered', labelNames: ['queue'], registers: [registry] });
  const noAnswers = new Counter({
    name: 'icc_no_answers_total',
    help: 'Dial attempts that did not connect',
    labelNames: ['queue', 'failure'],
    registers: [registry],
  });
  const missedOffers = new Counter({
    name: 'icc_missed_offers_total',
    help: 'Offers agents let time out or rejected',
    labelNames: ['queue', 'agent', 'reason'],
    registers: [registry],
  });
  const previewSeconds = new Histogram({
    name: 'icc_preview_seconds',
    help: 'Agent-first preview duration (accept to first dial)',
    labelNames: ['queue'],
    buckets: [1, 5, 10, 20, 30, 60, 120, 300, 600],
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: 'icc_command_duration_seconds',
    help: 'Agent command latency through the adapter',
    labelNames: ['command', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: 'icc_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const wsConnections = new Gauge({ name: 'icc_ws_connections', help: 'Open agent-stream sockets', registers: [registry] });
  if (options.logSyncs) {
    // Appends are acknowledged (and their frames sent) only after this sync: its tail is theirs.
    const logSyncSeconds = new Histogram({
      name: 'icc_store_log_sync_seconds',
      help: 'Sync of the event log to disk that acknowledges the appends committed before it (SQLite: fdatasync of the -wal file), until its completion runs on the event loop',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
      registers: [registry],
    });
    options.logSyncs((seconds) => logSyncSeconds.observe(seconds));
  }
  const { logFileBytes } = options;
  if (logFileBytes) {
    // Bounded under steady writes (the store writes it from its start again past 16 MB): growth is a checkpoint that cannot run.
    new Gauge({
      name: 'icc_store_log_bytes',
      help: 'Size of the event log file not yet checkpointed into the database (SQLite: the -wal file)',
      registers: [registry],
      collect() {
        this.set(logFileBytes());
      },
    });
  }

  const { storeTotals } = options;
  if (storeTotals) {
    const totalCounter = (name: string, help: string, read: (totals: StoreTotals) => number) =>
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          // The store keeps the running total: the counter shows it as read at the scrape.
          this.reset();
          this.inc(read(storeTotals()));
        },
      });
    totalCounter('icc_store_commits_total', 'Group transactions committed to the event log', (totals) => totals.commits);
    totalCounter('icc_store_checkpoints_total', 'Checkpoints of the event log into the database file', (totals) => totals.checkpoints);
    // Flat while icc_store_log_bytes grows: checkpoints run but never reach the log's end, so it is never reused.
    totalCounter('icc_store_log_restarts_total', 'Times the event log was checkpointed to its end and written from its start again', (totals) => totals.logRestarts);
  }

  return {
    registry,
    wsConnections,
    observeEvent({ event, interaction }) {
      if (!interaction) return;
      const queue = interaction.queueId;
      if (event.type === 'interaction.offered') offers.inc({ queue });
      else if (event.type === 'interaction.customer-answered') answers.inc({ queue });
      else if (event.type === 'interaction.dial-failed') noAnswers.inc({ queue, failure: event.failure });
      else if (event.type === 'interaction.offer-declined' && event.cause !== 'agent-unavailable') {
        missedOffers.inc({ queue, agent: event.agentId, reason: event.cause });
      }
      else if (event.type === 'interaction.dialing' && event.attempt === 1 && interaction.previewDurationMs !== undefined) {
        previewSeconds.observe({ queue }, interaction.previewDurationMs / 1000);
      }
    },
    observeCommand(command, outcome, seconds) {
      commandSeconds.observe({ command, outcome }, seconds);
    },
    observeHttp(method, route, status, seconds) {
      httpSeconds.observe({ method, route, status: String(status) }, seconds);
    },
  };
}
