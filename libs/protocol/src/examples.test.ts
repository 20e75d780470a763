import type { z } from 'zod';
import { AdapterCapabilities } from './adapter-capabilities';
import { AGENT_COMMAND_TYPES, AgentCommand } from './agent-command';
import { Agent } from './agent';
import { Callback } from './callback';
import { CreateCallbackRequest } from './callback-request';
import { ContextCard } from './context-card';
import { Customer } from './customer';
import { ErrorBody } from './error-body';
import { QueueHistoryPoint } from './queue-history';
import { AgentEvent, IccEvent, INTERACTION_EVENT_SCHEMAS } from './events/icc-event';
import {
  EXAMPLE_AGENT_COMMAND_TYPES,
  exampleAgentCommand,
  exampleCommandFrame,
  exampleEventFrame,
  exampleHelloFrame,
  exampleSnapshotFrame,
  exampleWelcomeFrame,
} from './example-commands';
import {
  EXAMPLE_INTERACTION_EVENT_TYPES,
  exampleAgentPresenceChangedEvent,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
} from './example-events';
import {
  EXAMPLE_PHONE_NUMBERS,
  exampleAgent,
  exampleCallback,
  exampleCapabilities,
  exampleContextCard,
  exampleCreateCallbackRequest,
  exampleCustomer,
  exampleErrorBody,
  exampleInteraction,
  exampleQueueConfig,
  exampleQueuePosition,
  exampleQueueHistoryPoint,
  exampleQueueStats,
  exampleSalesQueueConfig,
  exampleScheduledCreateCallbackRequest,
  exampleSupervisor,
} from './examples';
import { isE164PhoneNumber } from './e164-phone-number';
import { Interaction } from './interaction';
import { QueueConfig } from './queue-config';
import { QueuePosition, QueueStats } from './queue-stats';
import { ClientFrame, ServerFrame } from './ws-frame';

function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('example builders', () => {
  const cases: Array<[string, z.ZodType, () => unknown]> = [
    ['exampleCustomer', Customer, () => exampleCustomer()],
    ['exampleCreateCallbackRequest', CreateCallbackRequest, () => exampleCreateCallbackRequest()],
    ['exampleScheduledCreateCallbackRequest', CreateCallbackRequest, () => exampleScheduledCreateCallbackRequest()],
    ['exampleCallback', Callback, () => exampleCallback()],
    ['exampleQueueConfig', QueueConfig, () => exampleQueueConfig()],
    ['exampleSalesQueueConfig', QueueConfig, () => exampleSalesQueueConfig()],
    ['exampleAgent', Agent, () => exampleAgent()],
    ['exampleSupervisor', Agent, () => exampleSupervisor()],
    ['exampleCapabilities', AdapterCapabilities, () => exampleCapabilities()],
    ['exampleContextCard', ContextCard, () => exampleContextCard()],
    ['exampleInteraction', Interaction, () => exampleInteraction()],
    ['exampleQueueStats', QueueStats, () => exampleQueueStats()],
    ['exampleQueueHistoryPoint', QueueHistoryPoint, () => exampleQueueHistoryPoint('2026-03-10T09:00:00Z', { depth: 2, serviceLevel: 0.5 })],
    ['exampleQueuePosition', QueuePosition, () => exampleQueuePosition()],
    ['exampleErrorBody', ErrorBody, () => exampleErrorBody()],
    ['exampleInteractionCreatedEvent', IccEvent, () => exampleInteractionCreatedEvent()],
    ['exampleAgentPresenceChangedEvent', AgentEvent, () => exampleAgentPresenceChangedEvent()],
    ['exampleHelloFrame', ClientFrame, () => exampleHelloFrame()],
    ['exampleCommandFrame', ClientFrame, () => exampleCommandFrame()],
    ['exampleWelcomeFrame', ServerFrame, () => exampleWelcomeFrame()],
    ['exampleSnapshotFrame', ServerFrame, () => exampleSnapshotFrame()],
    ['exampleEventFrame', ServerFrame, () => exampleEventFrame()],
  ];

  it.each(cases)('%s() is valid', (_name, schema, build) => {
    expect(issuesOf(schema, build())).toEqual([]);
  });

  it.each(cases)('%s() parses to itself: every default is already spelled out', (_name, schema, build) => {
    const example = build();
    expect(schema.parse(example)).toEqual(example);
  });

  it('every interaction event type has a valid example', () => {
    const schemaTypes = INTERACTION_EVENT_SCHEMAS.map((schema) => schema.shape.type.value);
    expect(EXAMPLE_INTERACTION_EVENT_TYPES).toEqual(schemaTypes);
    for (const type of EXAMPLE_INTERACTION_EVENT_TYPES) {
      expect({ type, issues: issuesOf(IccEvent, exampleInteractionEvent(type)) }).toEqual({ type, issues: [] });
    }
  });

  it('every agent command type has a valid example', () => {
    expect([...EXAMPLE_AGENT_COMMAND_TYPES].sort()).toEqual([...AGENT_COMMAND_TYPES].sort());
    for (const type of EXAMPLE_AGENT_COMMAND_TYPES) {
      expect({ type, issues: issuesOf(AgentCommand, exampleAgentCommand(type)) }).toEqual({ type, issues: [] });
    }
  });

  it('returns fresh objects so one test cannot leak into another', () => {
    const first = exampleCallback();
    first.customer.phoneNumbers.push('+15555555555');
    first.attributes['extra'] = 'x';
    expect(exampleCallback().customer.phoneNumbers).toHaveLength(2);
    expect(exampleCallback().attributes).not.toHaveProperty('extra');
    const capabilities = exampleCapabilities();
    capabilities.modes.pop();
    expect(exampleCapabilities().modes).toHaveLength(2);
  });

  it('applies overrides shallowly and keeps the rest', () => {
    const callback = exampleCallback({ state: 'in-progress', attempts: 2 });
    expect(callback).toMatchObject({ state: 'in-progress', attempts: 2, number: 'CB0000123' });
    const event = exampleInteractionEvent('interaction.dialing', { seq: 7, attempt: 2 });
    expect(event).toMatchObject({ type: 'interaction.dialing', seq: 7, attempt: 2, phoneNumber: '+14155552671' });
    expect(exampleAgentCommand('dial', { phoneNumber: EXAMPLE_PHONE_NUMBERS.gb }).phoneNumber).toBe('+442071838750');
  });

  it('uses only valid E.164 numbers', () => {
    for (const number of Object.values(EXAMPLE_PHONE_NUMBERS)) expect([number, isE164PhoneNumber(number)]).toEqual([number, true]);
  });

  it('tells one consistent story: the card and the interaction describe the example callback', () => {
    const callback = exampleCallback();
    const interaction = exampleInteraction();
    expect(interaction.card).toEqual(exampleContextCard());
    expect(interaction).toMatchObject({ id: callback.interactionId, callbackId: callback.id, queueId: callback.queueId });
    expect(interaction.maxAttempts).toBe(callback.retryPolicy.maxAttempts);
    expect(exampleInteractionCreatedEvent().callback).toEqual(callback);
  });
});
