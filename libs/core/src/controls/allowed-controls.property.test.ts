import fc from 'fast-check';
import {
  EXAMPLE_INTERACTION_EVENT_TYPES,
  exampleCallback,
  exampleCapabilities,
  exampleInteractionCreatedEvent,
  exampleInteractionEvent,
  Interaction as InteractionSchema,
  RoutingMode,
  type AdapterCapabilities,
  type AgentCommandType,
  type Interaction,
  type InteractionEvent,
  type InteractionEventType,
  type InteractionState,
} from '@icc/protocol';
import { InvalidTransitionError } from '../errors';
import { INTERACTION_TRANSITIONS, isTerminal, nextState } from '../state-machine/interaction-transitions';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import { allowedControls } from './allowed-controls';

const AGENTS = ['agent-ada', 'agent-grace', 'agent-linus'] as const;
const START = Date.parse('2026-03-10T09:00:00Z');

/** The event each command leads to, as the engine emits it; `end-call` while dialing gives up the attempt. */
function eventOfCommand(command: AgentCommandType, state: InteractionState): InteractionEventType {
  const events: Record<AgentCommandType, InteractionEventType> = {
    accept: 'interaction.accepted',
    reject: 'interaction.offer-declined',
    dial: 'interaction.dialing',
    redial: 'interaction.dialing',
    hold: 'interaction.held',
    resume: 'interaction.resumed',
    mute: 'interaction.muted',
    unmute: 'interaction.muted',
    'record-start': 'interaction.recording',
    'record-stop': 'interaction.recording',
    'send-dtmf': 'interaction.dtmf-sent',
    'transfer-callback': 'interaction.transfer-requested',
    'cancel-transfer': 'interaction.transfer-cancelled',
    'transfer-call': 'interaction.call-transferred',
    'consult-call': 'interaction.consult-started',
    'merge-calls': 'interaction.consult-ended',
    'leave-and-transfer': 'interaction.call-transferred',
    'cancel-consult': 'interaction.consult-ended',
    escalate: 'interaction.escalated',
    'end-call': state === 'dialing' ? 'interaction.dial-failed' : 'interaction.call-ended',
    'submit-wrap-up': 'interaction.closed',
    'extend-wrap-up': 'interaction.wrap-up-extended',
    'close-callback': 'interaction.closed',
    reschedule: 'interaction.rescheduled',
  };
  return events[command];
}

/** A valid event of `type`, varied by `variant` so the fold sees flags flip and outcomes differ. */
function eventFor(type: InteractionEventType, variant: number, seq: number, at: string): InteractionEvent {
  const agentId = AGENTS[variant % AGENTS.length] as string;
  const later = new Date(Date.parse(at) + 30_000).toISOString();
  const on = variant % 2 === 0;
  const envelope = { seq, at };
  switch (type) {
    case 'interaction.offered':
      return exampleInteractionEvent(type, { ...envelope, agentId, expiresAt: later });
    case 'interaction.offer-declined':
      return exampleInteractionEvent(type, { ...envelope, agentId, cause: on ? 'rejected' : 'timeout' });
    case 'interaction.accepted':
      return exampleInteractionEvent(type, { ...envelope, agentId, ...(on ? { autoDialAt: later } : {}) });
    case 'interaction.dialing':
      return exampleInteractionEvent(type, { ...envelope, attempt: 1 + (variant % 5), ...(on ? {} : { agentId: undefined }) });
    case 'interaction.dial-failed':
      return exampleInteractionEvent(type, { ...envelope, failure: (['no-answer', 'busy', 'failed', 'voicemail'] as const)[variant % 4] });
    case 'interaction.muted':
      return exampleInteractionEvent(type, { ...envelope, muted: on });
    case 'interaction.recording':
      return exampleInteractionEvent(type, { ...envelope, recording: on });
    case 'interaction.escalated':
      return exampleInteractionEvent(type, { ...envelope, escalated: on });
    case 'interaction.consult-started':
      return exampleInteractionEvent(type, { ...envelope, agentId });
    case 'interaction.consult-ended':
      return exampleInteractionEvent(type, { ...envelope, result: on ? 'merged' : 'cancelled' });
    case 'interaction.call-ended':
      return exampleInteractionEvent(type, { ...envelope, ...(on ? { autoCloseAt: later } : {}) });
    case 'interaction.rescheduled':
      return exampleInteractionEvent(type, { ...envelope, scheduledAt: later, windowEnd: on ? undefined : new Date(Date.parse(later) + 3_600_000).toISOString() });
    case 'interaction.closed':
      return exampleInteractionEvent(type, {
        ...envelope,
        outcome: (['completed', 'no-answer', 'cancelled', 'failed', 'expired', 'transferred'] as const)[variant % 6],
      });
    default:
      return exampleInteractionEvent(type, envelope);
  }
}

const capabilitiesArbitrary: fc.Arbitrary<AdapterCapabilities> = fc
  .record({
    modes: fc.subarray([...RoutingMode.options], { minLength: 1 }),
    scheduled: fc.boolean(),
    autoDial: fc.boolean(),
    hold: fc.boolean(),
    mute: fc.boolean(),
    record: fc.boolean(),
    dtmf: fc.boolean(),
    redial: fc.boolean(),
    reschedule: fc.boolean(),
    transferCallback: fc.boolean(),
    transferCall: fc.boolean(),
    consultTransfer: fc.boolean(),
    escalate: fc.boolean(),
  })
  .map((flags) => exampleCapabilities(flags));

const journeyArbitrary = fc.record({
  mode: fc.constantFrom(...RoutingMode.options),
  initialState: fc.constantFrom('scheduled' as const, 'queued' as const, 'offered' as const),
  steps: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 600 })), { maxLength: 80 }),
  capabilities: capabilitiesArbitrary,
  autoDial: fc.boolean(),
});

describe('allowedControls over random valid histories', () => {
  it('stays inside the table, keeps every view valid, and only offers commands the table can fold', () => {
    fc.assert(
      fc.property(journeyArbitrary, ({ mode, initialState, steps, capabilities, autoDial }) => {
        const queue = { dialMethod: autoDial ? { type: 'auto' as const, countdownSeconds: 30 } : { type: 'manual' as const } };
        let clock = START;
        let interaction: Interaction = reduceInteraction(
          undefined,
          exampleInteractionCreatedEvent({ callback: exampleCallback({ mode }), initialState, at: new Date(clock).toISOString() }),
        );

        for (const [pick, variant, seconds] of steps) {
          const row = INTERACTION_TRANSITIONS[mode][interaction.state];
          const allowed = Object.keys(row) as InteractionEventType[];
          if (allowed.length === 0) {
            expect(isTerminal(interaction.state)).toBe(true);
            break;
          }
          clock += seconds * 1000;
          const type = allowed[pick % allowed.length] as InteractionEventType;
          const event = eventFor(type, variant, interaction.seq + 1, new Date(clock).toISOString());

          const previous = interaction.state;
          interaction = reduceInteraction(interaction, event);
          expect(interaction.state).toBe(nextState(mode, previous, type));
          // A reachable state always has a way forward unless it is terminal.
          expect(isTerminal(interaction.state) || Object.keys(INTERACTION_TRANSITIONS[mode][interaction.state]).length > 0).toBe(true);
          expect(InteractionSchema.safeParse(interaction).error?.issues ?? []).toEqual([]);

          const disallowed = EXAMPLE_INTERACTION_EVENT_TYPES.filter((candidate) => !(candidate in INTERACTION_TRANSITIONS[mode][interaction.state]));
          const refused = disallowed[variant % Math.max(1, disallowed.length)];
          if (refused !== undefined) {
            expect(() => reduceInteraction(interaction, eventFor(refused, variant, interaction.seq + 1, event.at))).toThrow(
              InvalidTransitionError,
            );
          }

          const controls = [...allowedControls(interaction, queue, capabilities)];
          if (isTerminal(interaction.state) || !capabilities.modes.includes(mode)) expect(controls).toEqual([]);
          for (const command of controls) {
            expect([command, nextState(mode, interaction.state, eventOfCommand(command, interaction.state))]).not.toEqual([
              command,
              undefined,
            ]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
