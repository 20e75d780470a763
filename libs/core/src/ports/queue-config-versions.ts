import type { Interaction, QueueConfig, QueueConfigRevision } from '@icc/protocol';
import { IccError } from '../errors';

/** Who changes a queue's configuration, when, and on which version they based the change. */
export interface QueueConfigChange {
  /**
   * Optimistic concurrency: `null` = the queue must not exist now (create; a removed queue may be
   * created again), a number = it must be the queue's current version. Absent: unconditional.
   */
  expectedVersion?: number | null;
  /** Agent id of the supervisor, or `system`. Default `system`. */
  changedBy?: string;
  /** Epoch ms. Default: now. */
  at?: number;
}

/** The latest stored version of a queue, removed or not. */
export interface LatestQueueVersion {
  version: number;
  removed: boolean;
}

/**
 * The version a change creates, or the refusal: `already_exists` (create over a live queue),
 * `not_found` (change of a queue that does not exist or was removed), `version_conflict` (stale).
 */
export function nextQueueVersion(queueId: string, latest: LatestQueueVersion | undefined, change: QueueConfigChange): number {
  const live = latest !== undefined && !latest.removed;
  const { expectedVersion } = change;
  if (expectedVersion === null) {
    if (live) throw new IccError('already_exists', `Queue "${queueId}" already exists (version ${latest.version}); change it with PUT or PATCH`);
  } else if (expectedVersion !== undefined) {
    if (!live) throw new IccError('not_found', `Queue "${queueId}" does not exist`);
    if (latest.version !== expectedVersion) {
      throw new IccError('version_conflict', `Queue "${queueId}" is at version ${latest.version}, not ${expectedVersion}: read it again and reapply the change`);
    }
  }
  return (latest?.version ?? 0) + 1;
}

/** The revision record a change stores. */
export function queueRevision(config: QueueConfig, version: number, change: QueueConfigChange, removed: boolean): QueueConfigRevision {
  return {
    queueId: config.id,
    version,
    changedAt: new Date(change.at ?? Date.now()).toISOString(),
    changedBy: change.changedBy ?? 'system',
    removed,
    config: { ...config, version },
  };
}

/**
 * The configuration an interaction works by: the version of its queue it started with (recorded as
 * `queueConfigVersion`), else, for interactions from before versions were recorded, the current one.
 */
export function interactionQueueConfig(
  store: { getQueue(queueId: string, version?: number): QueueConfig | undefined },
  interaction: Pick<Interaction, 'queueId' | 'queueConfigVersion'>,
): QueueConfig | undefined {
  const recorded = interaction.queueConfigVersion === undefined ? undefined : store.getQueue(interaction.queueId, interaction.queueConfigVersion);
  return recorded ?? store.getQueue(interaction.queueId);
}
