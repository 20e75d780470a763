import type { Interaction, QueueStats } from '@icc/protocol';

/** All-time figures of one queue: sums of every interaction's contribution. */
export interface QueueTotals {
  offered: number;
  answered: number;
  noAnswer: number;
  previewCount: number;
  previewMsSum: number;
}

export const EMPTY_QUEUE_TOTALS: QueueTotals = { offered: 0, answered: 0, noAnswer: 0, previewCount: 0, previewMsSum: 0 };

/**
 * What one interaction adds to its queue's totals: offered once it was ever offered, answered
 * once it reached connected, one no-answer per failed dial attempt, its preview duration.
 */
export function interactionQueueTotals(interaction: Interaction): QueueTotals {
  const preview = interaction.previewDurationMs;
  return {
    offered: interaction.offeredAt === undefined ? 0 : 1,
    answered: interaction.connectedAt === undefined ? 0 : 1,
    noAnswer: interaction.attempts.filter((attempt) => attempt.outcome !== undefined && attempt.outcome !== 'answered').length,
    previewCount: preview === undefined ? 0 : 1,
    previewMsSum: preview ?? 0,
  };
}

export function addQueueTotals(left: QueueTotals, right: QueueTotals, sign: 1 | -1 = 1): QueueTotals {
  return {
    offered: left.offered + sign * right.offered,
    answered: left.answered + sign * right.answered,
    noAnswer: left.noAnswer + sign * right.noAnswer,
    previewCount: left.previewCount + sign * right.previewCount,
    previewMsSum: left.previewMsSum + sign * right.previewMsSum,
  };
}

/**
 * Adds to `deltas` (per queue) what an interaction's change from `before` (undefined: it is new) to
 * `after` does to the queues' totals. A queue's totals are those of the interactions in it now: one
 * requeued to another queue takes its counts along, out of the old queue and into the new.
 */
export function addQueueTotalsChange(deltas: Map<string, QueueTotals>, before: Interaction | undefined, after: Interaction): void {
  const add = (queueId: string, totals: QueueTotals, sign: 1 | -1) => deltas.set(queueId, addQueueTotals(deltas.get(queueId) ?? EMPTY_QUEUE_TOTALS, totals, sign));
  if (before) add(before.queueId, interactionQueueTotals(before), -1);
  add(after.queueId, interactionQueueTotals(after), 1);
}

/** The live part of the stats: what waits in the queue right now. */
export interface QueueBacklog {
  depth: number;
  oldestRequestedAtMs: number | undefined;
  scheduledNextHour: number;
  agentsAvailable: number;
}

export function toQueueStats(queueId: string, backlog: QueueBacklog, totals: QueueTotals, now: number): QueueStats {
  const attempted = totals.answered + totals.noAnswer;
  return {
    queueId,
    depth: backlog.depth,
    oldestWaitSeconds: backlog.oldestRequestedAtMs === undefined ? 0 : Math.max(0, (now - backlog.oldestRequestedAtMs) / 1000),
    scheduledNextHour: backlog.scheduledNextHour,
    agentsAvailable: backlog.agentsAvailable,
    offered: totals.offered,
    answered: totals.answered,
    noAnswer: totals.noAnswer,
    answerRate: attempted === 0 ? null : totals.answered / attempted,
    averagePreviewSeconds: totals.previewCount === 0 ? null : totals.previewMsSum / totals.previewCount / 1000,
  };
}

export const ONE_HOUR_MS = 3_600_000;

/** Scheduled in the next hour: start between now and now + 1 h, both inclusive. */
export function isScheduledWithinNextHour(interaction: Interaction, now: number): boolean {
  if (interaction.state !== 'scheduled' || interaction.scheduledAt === undefined) return false;
  const at = Date.parse(interaction.scheduledAt);
  return at >= now && at <= now + ONE_HOUR_MS;
}
