import {
  EXAMPLE_IDS,
  EXAMPLE_PHONE_NUMBERS,
  EXAMPLE_TIMES,
  exampleAgent,
  exampleCapabilities,
  exampleContextCard,
  exampleInteraction,
  exampleQueueConfig,
  exampleSalesQueueConfig,
  type Interaction,
} from '@icc/protocol';
import type { WorkspaceState } from '../app/session/workspace-session';

export { EXAMPLE_IDS, EXAMPLE_PHONE_NUMBERS, EXAMPLE_TIMES };

/** The signed-in agent of every component test: Ada, available, in Support and Sales. */
export function workspaceState(overrides: Partial<WorkspaceState> = {}): WorkspaceState {
  return {
    me: exampleAgent(),
    vendor: EXAMPLE_IDS.vendor,
    capabilities: exampleCapabilities(),
    interactions: [],
    agents: [
      exampleAgent(),
      exampleAgent({ id: EXAMPLE_IDS.otherAgentId, displayName: 'Grace Hopper' }),
    ],
    queues: [exampleQueueConfig(), exampleSalesQueueConfig()],
    queueStats: [],
    ...overrides,
  };
}

/** Maya's agent-first callback alerting in Ada's inbox. */
export function offeredInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return exampleInteraction({
    state: 'offered',
    agentId: EXAMPLE_IDS.agentId,
    offeredAt: EXAMPLE_TIMES.offeredAt,
    offerExpiresAt: '2026-03-10T14:06:30Z',
    ...overrides,
  });
}

/** Accepted by Ada, who reads the context card before dialing. */
export function previewingInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return exampleInteraction({
    state: 'previewing',
    agentId: EXAMPLE_IDS.agentId,
    offeredAt: EXAMPLE_TIMES.offeredAt,
    acceptedAt: EXAMPLE_TIMES.acceptedAt,
    ...overrides,
  });
}

/** Ada pressed Call number; the customer's phone is ringing. */
export function dialingInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return previewingInteraction({
    state: 'dialing',
    firstDialedAt: EXAMPLE_TIMES.firstDialAt,
    attempts: [{ attempt: 1, phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile, startedAt: EXAMPLE_TIMES.firstDialAt }],
    card: exampleContextCard({ attempt: 1 }),
    ...overrides,
  });
}

/** The first attempt was not answered. */
export function noAnswerInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return dialingInteraction({
    state: 'no-answer',
    attempts: [
      {
        attempt: 1,
        phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile,
        startedAt: EXAMPLE_TIMES.firstDialAt,
        outcome: 'no-answer',
        endedAt: '2026-03-10T14:07:32Z',
      },
    ],
    ...overrides,
  });
}

/** Maya answered; Ada is talking to her. */
export function connectedInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return dialingInteraction({
    state: 'connected',
    customerOnLine: true,
    connectedAt: EXAMPLE_TIMES.answeredAt,
    attempts: [
      {
        attempt: 1,
        phoneNumber: EXAMPLE_PHONE_NUMBERS.us,
        startedAt: EXAMPLE_TIMES.firstDialAt,
        outcome: 'answered',
      },
    ],
    ...overrides,
  });
}

/** The call ended; Ada records reason and notes. */
export function wrapUpInteraction(overrides: Partial<Interaction> = {}): Interaction {
  return connectedInteraction({
    state: 'wrap-up',
    customerOnLine: false,
    endedAt: EXAMPLE_TIMES.endedAt,
    ...overrides,
  });
}
