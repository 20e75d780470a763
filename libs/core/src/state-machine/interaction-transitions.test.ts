import {
  EXAMPLE_INTERACTION_EVENT_TYPES,
  exampleInteraction,
  exampleInteractionEvent,
  INTERACTION_EVENT_SCHEMAS,
  InteractionState,
  RoutingMode,
  type InteractionEventType,
} from '@icc/protocol';
import { InvalidTransitionError } from '../errors';
import { EXPECTED_TRANSITIONS, expectedNextState } from './expected-transitions.test-support';
import { INTERACTION_TRANSITIONS, isTerminal, nextState } from './interaction-transitions';
import { reduceInteraction } from './reduce-interaction';

const MODES = RoutingMode.options;
const STATES = InteractionState.options;
const EVENT_TYPES = INTERACTION_EVENT_SCHEMAS.map((schema) => schema.shape.type.value) as InteractionEventType[];

const CARTESIAN_PRODUCT = MODES.flatMap((mode) =>
  STATES.flatMap((state) => EVENT_TYPES.map((type) => [mode, state, type] as const)),
);

describe('INTERACTION_TRANSITIONS: every (mode, state, event type)', () => {
  it('covers the whole product: 2 modes x 12 states x 27 event types', () => {
    expect(CARTESIAN_PRODUCT).toHaveLength(2 * 12 * 27);
    expect(EXAMPLE_INTERACTION_EVENT_TYPES).toEqual(EVENT_TYPES);
    for (const mode of MODES) expect(Object.keys(INTERACTION_TRANSITIONS[mode]).sort()).toEqual([...STATES].sort());
  });

  it('checks against a hand-written oracle that lists each allowed pair once: 55 agent-first, 52 customer-first', () => {
    for (const mode of MODES) {
      const pairs = EXPECTED_TRANSITIONS[mode].map(([from, type]) => `${from} ${type}`);
      expect(new Set(pairs).size).toBe(pairs.length);
    }
    expect(EXPECTED_TRANSITIONS['agent-first']).toHaveLength(55);
    expect(EXPECTED_TRANSITIONS['customer-first']).toHaveLength(52);
  });

  // One test per mode that lists every disagreeing (state, event) cell: the same check as one test per
  // cell, without 576 tests' overhead (mutation testing reruns the whole file for each table entry).
  it.each(MODES)('%s: nextState and reduceInteraction follow the hand-written oracle in every (state, event type)', (mode) => {
    const disagreements: string[] = [];
    for (const [cellMode, state, type] of CARTESIAN_PRODUCT.filter(([cellMode]) => cellMode === mode)) {
      const expected = expectedNextState(cellMode, state, type);
      const cell = `${state} --${type}-->`;
      const actual = nextState(cellMode, state, type);
      if (actual !== expected) disagreements.push(`${cell} nextState ${actual ?? 'refused'}, oracle ${expected ?? 'refused'}`);
      const current = exampleInteraction({ mode, state, agentId: 'agent-ada', acceptedAt: '2026-03-10T14:06:12Z' });
      const event = exampleInteractionEvent(type, { seq: 2, at: '2026-03-10T14:07:00Z' });
      try {
        const next = reduceInteraction(current, event);
        if (next.state !== expected || next.seq !== 2) disagreements.push(`${cell} reduceInteraction ${next.state} (seq ${next.seq}), oracle ${expected ?? 'refused'}`);
      } catch (error) {
        const refusedAsExpected =
          expected === undefined &&
          error instanceof InvalidTransitionError &&
          error.code === 'invalid_transition' &&
          error.from === state &&
          error.attempted === type &&
          error.mode === mode;
        if (!refusedAsExpected) disagreements.push(`${cell} reduceInteraction threw ${String(error)}, oracle ${expected ?? 'refused'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('the shape of the table', () => {
  it('only targets real states', () => {
    for (const mode of MODES) {
      for (const state of STATES) {
        for (const target of Object.values(INTERACTION_TRANSITIONS[mode][state])) {
          expect([...STATES, 'stay']).toContain(target);
        }
      }
    }
  });

  it('never lists interaction.created: an interaction is created once', () => {
    for (const mode of MODES) for (const state of STATES) expect(nextState(mode, state, 'interaction.created')).toBeUndefined();
  });

  it('leaves closed terminal in both modes, and only closed', () => {
    for (const mode of MODES) expect(INTERACTION_TRANSITIONS[mode].closed).toEqual({});
    expect(STATES.filter(isTerminal)).toEqual(['closed']);
  });

  it('gives each mode only its own states: no preview or transfer customer-first, no retry-wait agent-first', () => {
    expect(INTERACTION_TRANSITIONS['customer-first'].previewing).toEqual({});
    expect(INTERACTION_TRANSITIONS['customer-first'].transferring).toEqual({});
    expect(INTERACTION_TRANSITIONS['agent-first']['retry-wait']).toEqual({});
  });

  it.each(MODES)('%s: every state is reachable from created and can reach closed, or has no transitions at all', (mode) => {
    const edges = (from: InteractionState) =>
      EVENT_TYPES.map((type) => nextState(mode, from, type)).filter((to): to is InteractionState => to !== undefined);
    const reachable = new Set<InteractionState>(['scheduled', 'queued', 'offered']);
    for (let grew = true; grew; ) {
      grew = false;
      for (const from of [...reachable]) {
        for (const to of edges(from)) {
          if (!reachable.has(to)) {
            reachable.add(to);
            grew = true;
          }
        }
      }
    }
    const unreachable = STATES.filter((state) => !reachable.has(state));
    expect(unreachable).toEqual(mode === 'agent-first' ? ['retry-wait'] : ['previewing', 'transferring']);
    for (const state of unreachable) expect(INTERACTION_TRANSITIONS[mode][state]).toEqual({});

    const canClose = (start: InteractionState): boolean => {
      const seen = new Set([start]);
      const pending = [start];
      while (pending.length > 0) {
        const from = pending.pop() as InteractionState;
        if (from === 'closed') return true;
        for (const to of edges(from).filter((candidate) => !seen.has(candidate))) {
          seen.add(to);
          pending.push(to);
        }
      }
      return false;
    };
    for (const state of reachable) expect([state, canClose(state)]).toEqual([state, true]);
  });

  it('allows cancel (closing) until connected, as docs/architecture.md says', () => {
    for (const mode of MODES) {
      for (const state of ['scheduled', 'queued', 'offered', 'dialing', 'no-answer'] as const) {
        expect([mode, state, nextState(mode, state, 'interaction.closed')]).toEqual([mode, state, 'closed']);
      }
      for (const state of ['connected', 'on-hold'] as const) {
        expect([mode, state, nextState(mode, state, 'interaction.closed')]).toEqual([mode, state, undefined]);
      }
    }
  });
});

describe('InvalidTransitionError', () => {
  it('says what was attempted, in which state and mode, and maps to a 409 body', () => {
    const queued = exampleInteraction();
    let thrown: unknown;
    try {
      reduceInteraction(queued, exampleInteractionEvent('interaction.held'));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidTransitionError);
    const error = thrown as InvalidTransitionError;
    expect(error.message).toBe('"interaction.held" is not allowed while the interaction is queued (agent-first)');
    expect(error.toBody()).toEqual({ code: 'invalid_transition', message: error.message });
  });

  it('is thrown for an event before interaction.created and for a second interaction.created', () => {
    expect(() => reduceInteraction(undefined, exampleInteractionEvent('interaction.offered'))).toThrow(InvalidTransitionError);
    expect(() => reduceInteraction(exampleInteraction(), exampleInteractionEvent('interaction.created'))).toThrow(
      InvalidTransitionError,
    );
  });
});
