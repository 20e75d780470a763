import {
  exampleAgentPresenceChangedEvent,
  exampleCallback,
  exampleCustomer,
  exampleInteractionEvent,
  EXAMPLE_IDS,
  type CallbackSchedule,
  type IccEvent,
  type IccEventOf,
  type InteractionEventType,
  type NewIccEvent,
  type Presence,
  type RoutingMode,
} from '@icc/protocol';

/** Events as an engine emits them: the store assigns `seq`. */
export function withoutSeq<Event extends IccEvent>(event: Event): NewIccEvent {
  const { seq: _assignedByStore, ...unsequenced } = event;
  return unsequenced as NewIccEvent;
}

/** Ids of the n-th fixture callback: `cb-n`, `ix-n` and number `CB000000n`. */
export function fixtureIds(n: number): { callbackId: string; interactionId: string; number: string } {
  return { callbackId: `cb-${n}`, interactionId: `ix-${n}`, number: `CB${String(n).padStart(7, '0')}` };
}

export interface FixtureCallbackOptions {
  queueId?: string;
  queueName?: string;
  mode?: RoutingMode;
  requestedAt?: string;
  idempotencyKey?: string;
  requestHash?: string;
  firstName?: string;
  lastName?: string;
  phoneNumbers?: string[];
  shortDescription?: string;
  schedule?: CallbackSchedule;
  initialState?: 'queued' | 'scheduled' | 'offered';
  at?: string;
}

/** `interaction.created` of the n-th fixture callback (unique id, number and interaction). */
export function fixtureCreated(n: number, options: FixtureCallbackOptions = {}): NewIccEvent {
  const { callbackId, interactionId, number } = fixtureIds(n);
  const requestedAt = options.requestedAt ?? new Date(Date.parse('2026-03-10T14:00:00Z') + n * 60_000).toISOString();
  const schedule = options.schedule ?? { type: 'asap' };
  const callback = exampleCallback({
    id: callbackId,
    number,
    interactionId,
    queueId: options.queueId ?? EXAMPLE_IDS.queueId,
    mode: options.mode ?? 'agent-first',
    requestedAt,
    schedule,
    shortDescription: options.shortDescription ?? 'Router keeps dropping the connection',
    customer: exampleCustomer({
      firstName: options.firstName ?? 'Maya',
      lastName: options.lastName ?? 'Lindqvist',
      ...(options.phoneNumbers ? { phoneNumbers: options.phoneNumbers } : {}),
    }),
  });
  if (options.idempotencyKey === undefined) delete callback.idempotencyKey;
  else callback.idempotencyKey = options.idempotencyKey;
  const overrides: Partial<IccEventOf<'interaction.created'>> = {
    at: options.at ?? requestedAt,
    interactionId,
    callbackId,
    callback,
    queueName: options.queueName ?? 'Support',
    initialState: options.initialState ?? (schedule.type === 'scheduled' ? 'scheduled' : 'queued'),
  };
  if (schedule.type === 'scheduled') overrides.scheduledAt = schedule.start;
  if (options.requestHash !== undefined) overrides.requestHash = options.requestHash;
  return withoutSeq(exampleInteractionEvent('interaction.created', overrides));
}

/** An event of `type` about the n-th fixture interaction; overrides replace payload fields. */
export function fixtureEvent<Type extends InteractionEventType>(
  type: Type,
  n: number,
  overrides: Partial<Omit<IccEventOf<Type>, 'seq'>> = {},
): NewIccEvent {
  const { callbackId, interactionId } = fixtureIds(n);
  return withoutSeq(
    exampleInteractionEvent(type, { interactionId, callbackId, ...overrides } as Partial<IccEventOf<Type>>),
  );
}

export function fixturePresence(agentId: string, presence: Presence, at: string, previous: Presence = 'offline', chosen?: Presence): NewIccEvent {
  return withoutSeq(exampleAgentPresenceChangedEvent({ agentId, presence, previous, at, ...(chosen ? { chosen } : {}) }));
}
