import type { AgentDefinition, EventStore } from '@icc/core';
import { exampleCustomer, type CreateCallbackRequestInput } from '@icc/protocol';
import type { IccRestClient } from '@icc/client';
import { DEMO_QUEUES } from '../../composition/demo-configuration';
import { rawRequest } from '../test-gateway';

export const UNLIMITED_INTAKE = { capacity: 1_000_000, ratePerSecond: 1_000_000 };

/** A valid intake body; `index` makes each one distinct. */
export function callbackBody(index: number, overrides: Partial<CreateCallbackRequestInput> = {}): CreateCallbackRequestInput {
  return {
    queueId: 'callbacks-af',
    customer: exampleCustomer({ phoneNumbers: ['+14155550142'] }),
    reason: { code: 'order-issue' },
    shortDescription: `Reliability request ${index}`,
    ...overrides,
  };
}

export interface IntakeAnswer {
  status: number;
  code?: string;
  callbackId?: string;
}

/** `POST /v1/callbacks` with an idempotency key, answered as status + error code or callback id. */
export async function postCallback(url: string, key: string, body: unknown): Promise<IntakeAnswer> {
  const answer = await rawRequest(`${url}/v1/callbacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  const parsed = (answer.body ?? {}) as { code?: string; id?: string };
  return answer.status < 300 ? { status: answer.status, callbackId: parsed.id as string } : { status: answer.status, code: parsed.code as string };
}

/**
 * Agents take whatever is offered and close it before dialing, until nothing is open; returns the
 * number of commands refused (a healthy gateway refuses none).
 */
export async function acceptAndCloseEverything(agents: IccRestClient[], supervisor: IccRestClient, maxRounds = 200): Promise<number> {
  let refused = 0;
  for (let round = 0; round < maxRounds; round++) {
    const open = await supervisor.listInteractions({ open: 'true', limit: 200 });
    if (open.length === 0) return refused;
    for (const agent of agents) {
      for (const interaction of await agent.listInteractions({ open: 'true', limit: 200 })) {
        const command = interaction.state === 'offered' ? { type: 'accept' as const } : interaction.state === 'previewing' ? { type: 'close-callback' as const } : undefined;
        if (command) await agent.sendCommand(interaction.id, command).catch(() => (refused += 1));
      }
    }
  }
  throw new Error(`interactions still open after ${maxRounds} rounds`);
}

/** `count` agents on every demo queue: `fleet-agent-01`, … */
export function agentFleet(count: number): AgentDefinition[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(2, '0');
    return { id: `fleet-agent-${number}`, displayName: `Fleet Agent ${number}`, role: 'agent', queueIds: DEMO_QUEUES.map((queue) => queue.id) };
  });
}

/**
 * The gateway seeds its demo set-up only into a store without queues of its own: a store given
 * the demo queues and a fleet of agents beforehand is how a test gets more agents than the demo's
 * three (the demo agents are added alongside).
 */
export async function seedQueuesAndAgents(store: Pick<EventStore, 'saveQueue' | 'saveAgent'>, agents: readonly AgentDefinition[]): Promise<void> {
  for (const queue of DEMO_QUEUES) await store.saveQueue(queue);
  for (const agent of agents) await store.saveAgent(agent);
}
