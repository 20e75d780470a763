import type { AsyncEventStore } from '@icc/core';
import type { Interaction, QueueConfig } from '@icc/protocol';

/** core's `interactionQueueConfig` through the async port: the version the interaction started with, else the current one. */
export async function interactionQueueConfigOf(
  store: Pick<AsyncEventStore, 'getQueue'>,
  interaction: Pick<Interaction, 'queueId' | 'queueConfigVersion'>,
): Promise<QueueConfig | undefined> {
  const recorded = interaction.queueConfigVersion === undefined ? undefined : await store.getQueue(interaction.queueId, interaction.queueConfigVersion);
  return recorded ?? store.getQueue(interaction.queueId);
}
