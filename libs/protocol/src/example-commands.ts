import type { AgentCommandOf, AgentCommandType } from './agent-command';
import { exampleInteractionEvent } from './example-events';
import {
  EXAMPLE_IDS,
  EXAMPLE_PHONE_NUMBERS,
  EXAMPLE_TIMES,
  exampleAgent,
  exampleCapabilities,
  exampleInteraction,
  exampleQueueConfig,
  exampleQueueStats,
} from './examples';
import { PROTOCOL_VERSION } from './protocol-version';
import type { CommandFrame, EventFrame, HelloFrame, SnapshotFrame, WelcomeFrame } from './ws-frame';

type CommandPayloads = { [Type in AgentCommandType]: () => Omit<AgentCommandOf<Type>, 'type' | 'interactionId'> };

/** A valid payload for every agent command type. */
const COMMAND_PAYLOADS: CommandPayloads = {
  accept: () => ({}),
  reject: () => ({}),
  dial: () => ({ phoneNumber: EXAMPLE_PHONE_NUMBERS.us }),
  redial: () => ({ phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile }),
  hold: () => ({}),
  resume: () => ({}),
  mute: () => ({}),
  unmute: () => ({}),
  'record-start': () => ({}),
  'record-stop': () => ({}),
  'send-dtmf': () => ({ digits: '42#' }),
  'transfer-callback': () => ({ target: { kind: 'agent', agentId: EXAMPLE_IDS.otherAgentId } }),
  'cancel-transfer': () => ({}),
  'transfer-call': () => ({ agentId: EXAMPLE_IDS.otherAgentId }),
  'consult-call': () => ({ agentId: EXAMPLE_IDS.otherAgentId }),
  'merge-calls': () => ({}),
  'leave-and-transfer': () => ({}),
  'cancel-consult': () => ({}),
  escalate: () => ({ escalated: true }),
  'end-call': () => ({}),
  'submit-wrap-up': () => ({ wrapUp: { reason: 'follow-up-required', notes: 'Send replacement unit.' } }),
  'extend-wrap-up': () => ({ seconds: 120 }),
  'close-callback': () => ({ reason: { code: 'custom', label: 'Solved by e-mail' }, notes: 'Customer wrote back.' }),
  reschedule: () => ({ start: EXAMPLE_TIMES.scheduledStart, windowEnd: EXAMPLE_TIMES.scheduledWindowEnd }),
};

/** Every agent command type. */
export const EXAMPLE_AGENT_COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as AgentCommandType[];

/** A valid command of `type` for the example interaction; overrides are shallow. */
export function exampleAgentCommand<Type extends AgentCommandType>(
  type: Type,
  overrides: Partial<AgentCommandOf<Type>> = {},
): AgentCommandOf<Type> {
  const payload = COMMAND_PAYLOADS[type]() as Omit<AgentCommandOf<Type>, 'type' | 'interactionId'>;
  return { type, interactionId: EXAMPLE_IDS.interactionId, ...payload, ...overrides } as AgentCommandOf<Type>;
}

export function exampleHelloFrame(overrides: Partial<HelloFrame> = {}): HelloFrame {
  return { type: 'hello', token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC1hZGEifQ.c2lnbmF0dXJl', protocolVersion: PROTOCOL_VERSION, ...overrides };
}

export function exampleCommandFrame(overrides: Partial<CommandFrame> = {}): CommandFrame {
  return { type: 'command', id: 'cmd-1', command: exampleAgentCommand('accept'), ...overrides };
}

export function exampleWelcomeFrame(overrides: Partial<WelcomeFrame> = {}): WelcomeFrame {
  return {
    type: 'welcome',
    protocolVersion: PROTOCOL_VERSION,
    agent: exampleAgent(),
    headSeq: 41,
    resumed: false,
    vendor: EXAMPLE_IDS.vendor,
    capabilities: exampleCapabilities(),
    heartbeatSeconds: 25,
    ...overrides,
  };
}

export function exampleSnapshotFrame(overrides: Partial<SnapshotFrame> = {}): SnapshotFrame {
  return {
    type: 'snapshot',
    seq: 41,
    interactions: [exampleInteraction()],
    queues: [exampleQueueConfig()],
    agents: [exampleAgent()],
    queueStats: [exampleQueueStats()],
    ...overrides,
  };
}

/** The frame carrying `interaction.offered`, with the view after it. */
export function exampleEventFrame(overrides: Partial<EventFrame> = {}): EventFrame {
  const event = exampleInteractionEvent('interaction.offered', { seq: 2, at: EXAMPLE_TIMES.offeredAt });
  return {
    type: 'event',
    event,
    interaction: exampleInteraction({
      state: 'offered',
      agentId: event.agentId,
      offerExpiresAt: event.expiresAt,
      offeredAt: event.at,
      seq: event.seq,
    }),
    ...overrides,
  };
}
