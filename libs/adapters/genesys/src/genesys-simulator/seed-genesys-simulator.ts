import { randomUUID } from 'node:crypto';
import type { Agent, QueueConfig } from '@icc/protocol';
import type { GenesysSimulatorSeed } from './genesys-simulator';

export interface SeededGenesysOrg extends GenesysSimulatorSeed {
  /** ICC queue id → simulated Genesys queue id, for the adapter's `queueMap`. */
  queueMap: Record<string, string>;
  /** ICC agent id → simulated Genesys user id, for the adapter's `userMap`. */
  userMap: Record<string, string>;
}

/**
 * A simulated org set up like an ICC configuration: each queue's callback media settings as a
 * Genesys admin would enter them, each agent a user on its queues (On Queue when available).
 */
export function seedGenesysSimulator(queues: readonly QueueConfig[], agents: readonly Agent[]): SeededGenesysOrg {
  const queueMap = Object.fromEntries(queues.map((queue) => [queue.id, randomUUID()]));
  const userMap = Object.fromEntries(agents.map((agent) => [agent.id, randomUUID()]));
  return {
    queueMap,
    userMap,
    queues: queues.map((queue) => ({
      id: queueMap[queue.id] as string,
      name: queue.name,
      callback: {
        mode: queue.defaultMode === 'customer-first' ? 'CustomerFirst' : 'AgentFirst',
        enableAutoAnswer: false,
        enableAutoDialAndEnd: queue.dialMethod.type === 'auto',
        autoDialDelaySeconds: queue.dialMethod.type === 'auto' ? queue.dialMethod.countdownSeconds : 300,
        autoEndDelaySeconds: queue.autoCloseSeconds,
        alertingTimeoutSeconds: queue.offerTimeoutSeconds,
        pacingModifier: queue.pacing,
        maxRetryCount: queue.retryPolicy.maxAttempts - 1,
        retryDelaySeconds: queue.retryPolicy.minIntervalSeconds,
      },
    })),
    users: agents.map((agent) => ({
      id: userMap[agent.id] as string,
      name: agent.displayName,
      queueIds: agent.queueIds.flatMap((queueId) => (queueMap[queueId] === undefined ? [] : [queueMap[queueId] as string])),
      onQueue: agent.presence === 'available',
    })),
  };
}
