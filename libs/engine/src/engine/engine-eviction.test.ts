import { exampleCreateCallbackRequest, type AgentCommand, type Interaction, type NewIccEvent } from '@icc/protocol';
import { IccError, InvalidTransitionError } from '@icc/core';
import type { EngineFootprint } from './engine-types';
import { CALLBACK_ENDINGS, declinedByBoth } from './__tests__/callback-endings';
import { AGENTS, HOUR, callbackId, closings, createEngineHarness, type EngineHarness } from './__tests__/engine-fixtures';

const ROUNDS = 3;
const ENDINGS = Object.entries(CALLBACK_ENDINGS);
/** Commands an agent could send on an open interaction; on a closed one each is refused. */
const LATE_COMMANDS: Array<(interactionId: string) => AgentCommand> = [
  (interactionId) => ({ type: 'accept', interactionId }),
  (interactionId) => ({ type: 'end-call', interactionId }),
  (interactionId) => ({ type: 'submit-wrap-up', interactionId, wrapUp: { reason: 'resolved', notes: '' } }),
];

interface Played {
  n: number;
  ending: string;
  events: NewIccEvent[];
  /** What the engine held right after this ending, before the clock moved on. */
  footprint: EngineFootprint;
}

/** Plays every ending `ROUNDS` times, one after the other. */
function playEveryEnding(options: Parameters<typeof createEngineHarness>[0] = {}) {
  const h = createEngineHarness(options);
  h.presence(AGENTS.ada, 'available');
  h.presence(AGENTS.grace, 'available');
  const played: Played[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const [ending, play] of ENDINGS) {
      const n = played.length + 1;
      const events = play(h, n);
      played.push({ n, ending, events, footprint: h.engine.footprint() });
    }
  }
  return { h, played };
}

/** Nothing held per interaction; only per agent (`idleSince`) and the records of the closings. */
const NOTHING_OPEN = {
  interactions: 0,
  callbacks: 0,
  waiting: 0,
  customerOnLine: 0,
  directedTo: 0,
  timers: 0,
  holds: 0,
  holderOf: 0,
  declinedAt: 0,
  queueVersions: 0,
};

function closedInteractions(h: EngineHarness): Interaction[] {
  return [...h.stored().interactions.values()].filter((interaction) => interaction.state === 'closed');
}

/** The error `act` throws, for comparing code and message. */
function refusal(act: () => unknown): { code: string; message: string } {
  try {
    act();
  } catch (error) {
    if (!(error instanceof IccError)) throw error;
    return { code: error.code, message: error.message };
  }
  throw new Error('Expected a refusal');
}

/** How a command on a closed interaction is refused: only its last agent is told it is closed. */
function expectedRefusal(interaction: Interaction, agentId: string, command: AgentCommand) {
  const error =
    interaction.agentId === agentId
      ? new InvalidTransitionError('closed', command.type, interaction.mode)
      : new IccError('forbidden', `Interaction ${interaction.id} is not offered to or handled by agent ${agentId}`);
  return { code: error.code, message: error.message };
}

describe('callback engine: forgets what it closed', () => {
  it('plays every ending to its close', () => {
    const { h, played } = playEveryEnding();
    for (const { n, ending, events } of played) {
      expect([ending, h.stored().callbacks.get(callbackId(n))?.state]).toEqual([ending, expect.stringMatching(/completed|failed|cancelled|expired/)]);
      expect(closings(events).length).toBeGreaterThan(0);
    }
    expect(closedInteractions(h)).toHaveLength(h.stored().interactions.size);
  });

  it('holds nothing of them afterwards: no view, no waiting list, hold, timer, decline or directed transfer', () => {
    const { h, played } = playEveryEnding();
    for (const { ending, footprint } of played) expect([ending, footprint]).toEqual([ending, expect.objectContaining(NOTHING_OPEN)]);
    const closed = closedInteractions(h);
    for (const interaction of closed) expect(h.engine.interaction(interaction.id)).toBeUndefined();
    for (const { n } of played) expect(h.engine.callback(callbackId(n))).toBeUndefined();
    expect(h.engine.footprint()).toEqual({
      ...NOTHING_OPEN,
      idleSince: 2,
      rememberedClosed: { interactions: closed.length, callbacks: played.length },
    });
    expect(h.engine.nextWakeAt()).toBeUndefined();
  });

  it('drops the re-offer cool-down of a declined callback that closes', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.presence(AGENTS.grace, 'available');
    declinedByBoth(h, 1);
    expect(h.engine.footprint()).toMatchObject({ timers: 1, declinedAt: 1 });
    h.cancel(1);
    expect(h.engine.footprint()).toMatchObject({ timers: 0, declinedAt: 0 });
    expect(h.engine.nextWakeAt()).toBeUndefined();
  });

  it('forgets a closing only once the call that closed it is done with it', () => {
    const { played } = playEveryEnding();
    const cancelledWhileTransferring = played.find(({ ending }) => ending.includes('while transferring'));
    // Both closings come out of one call: the second one still needed the callback the first closed.
    expect(closings(cancelledWhileTransferring?.events ?? []).map(([, outcome]) => outcome)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses late commands on them as when it held them: invalid_transition for their agent, forbidden for others', () => {
    const { h } = playEveryEnding();
    for (const interaction of closedInteractions(h)) {
      for (const agentId of [AGENTS.ada, AGENTS.grace, AGENTS.alan]) {
        for (const command of LATE_COMMANDS.map((build) => build(interaction.id))) {
          expect(refusal(() => h.execute(agentId, command))).toEqual(expectedRefusal(interaction, agentId, command));
        }
      }
    }
    expect(refusal(() => h.execute(AGENTS.ada, { type: 'accept', interactionId: 'ix-nowhere' })).code).toBe('not_found');
  });

  it('ignores late telephony outcomes and refuses cancel, reschedule and update of their callbacks as closed', () => {
    const { h, played } = playEveryEnding();
    for (const interaction of closedInteractions(h)) {
      for (const outcome of ['answered', 'no-answer', 'customer-hangup'] as const) expect(h.telephony(interaction.id, outcome)).toEqual([]);
    }
    for (const { n } of played) {
      const { mode } = h.stored().callbacks.get(callbackId(n)) as { mode: Interaction['mode'] };
      const closedFor = (attempted: string) => ({ code: 'invalid_transition', message: new InvalidTransitionError('closed', attempted, mode).message });
      expect(refusal(() => h.cancel(n))).toEqual(closedFor('cancel'));
      expect(refusal(() => h.reschedule(n, h.now() + HOUR))).toEqual(closedFor('reschedule'));
      expect(refusal(() => h.engine.updateCallback(callbackId(n), { notes: 'late' }, h.now()))).toEqual(closedFor('callback.updated'));
      expect(h.engine.queuePosition(callbackId(n), h.now())).toEqual({ position: null, estimatedWaitSeconds: null });
    }
    expect(refusal(() => h.cancel(404)).code).toBe('not_found');
  });

  it('keeps create idempotent for them: the same number again is a no-op, another number a conflict', () => {
    const { h, played } = playEveryEnding();
    for (const { n } of played) {
      expect(h.request(n)).toEqual([]);
      expect(refusal(() => h.engine.requestCallback(exampleCreateCallbackRequest(), anotherNumber(n), h.now())).code).toBe('idempotency_conflict');
    }
  });
});

describe('callback engine: remembers a bounded number of closings', () => {
  const limit = 2;

  it('forgets the oldest records past the limit: a late command on those is not_found', () => {
    const { h, played } = playEveryEnding({ closedRecordLimit: limit });
    expect(h.engine.footprint().rememberedClosed).toEqual({ interactions: limit, callbacks: limit });
    const oldest = closedInteractions(h)[0] as Interaction;
    expect(refusal(() => h.execute(oldest.agentId ?? AGENTS.ada, { type: 'accept', interactionId: oldest.id })).code).toBe('not_found');
    expect(refusal(() => h.cancel((played[0] as { n: number }).n)).code).toBe('not_found');
  });

  it('recognises older callbacks from the event store, when given it', () => {
    const store: { of?: EngineHarness } = {};
    const { h, played } = playEveryEnding({ closedRecordLimit: limit, storedCallback: (id) => store.of?.stored().callbacks.get(id) });
    store.of = h;
    const { n } = played[0] as { n: number };
    expect(refusal(() => h.cancel(n)).code).toBe('invalid_transition');
    expect(h.request(n)).toEqual([]);
    expect(refusal(() => h.engine.requestCallback(exampleCreateCallbackRequest(), anotherNumber(n), h.now())).code).toBe('idempotency_conflict');
  });
});

function anotherNumber(n: number) {
  return { callbackId: callbackId(n), interactionId: `ix-again-${n}`, number: 'CB9999999' };
}
