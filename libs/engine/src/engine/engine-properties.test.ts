import fc from 'fast-check';
import { closeEverything } from './__tests__/close-everything';
import { QUEUES, offers } from './__tests__/engine-fixtures';
import { engineViews, expectFootprintBounded, expectNothingLost, expectViewsMatchFold, refold } from './__tests__/engine-invariants';
import { arbitraryScript, arbitraryScriptWithRestart, type ModelAction } from './__tests__/engine-model';
import { AGENT_IDS, INITIAL_PRESENCE, applyAction, combinedLog, createWorld, current, type World } from './__tests__/engine-world';

const RUNS = { numRuns: 200 };
const TIMEOUT_MS = 120_000;

/**
 * Runs the script: (a) on every step (`applyAction` lets only `IccError` through), (c) and (f)
 * after every step on the engine's views, (b), (d) and (f) by re-folding the whole log at the end.
 */
function play(actions: readonly ModelAction[]): World {
  const world = createWorld();
  for (const action of actions) {
    applyAction(world, action);
    expectNothingLost(world, engineViews(world));
    expectFootprintBounded(world, world.stored);
  }
  expectViewsMatchFold(world, refold(combinedLog(world), INITIAL_PRESENCE));
  return world;
}

/** (e) Once everything is closed, every available agent takes a new callback: nobody is left holding anything. */
function expectAgentsReleased(world: World): void {
  const h = current(world);
  closeEverything(h);
  for (const agentId of AGENT_IDS) if (h.engine.agent(agentId)?.presence !== 'available') h.presence(agentId, 'available');
  const offered = AGENT_IDS.flatMap((_, index) => offers(h.request(10_000 + index, { queueId: QUEUES.manual })));
  expect(offered.map(([, agentId]) => agentId).sort()).toEqual([...AGENT_IDS].sort());
  expectViewsMatchFold(world, refold(combinedLog(world), INITIAL_PRESENCE));
}

describe('callback engine: properties over random traffic', () => {
  it(
    'refuses bad input only with IccError, keeps every event legal, its views equal to the fold, loses no callback, forgets what it closed and frees every agent',
    () => {
      fc.assert(
        fc.property(arbitraryScript(), (actions) => {
          expectAgentsReleased(play(actions));
        }),
        RUNS,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'keeps all of that across a restart from the open interactions, with every deadline still armed',
    () => {
      fc.assert(
        fc.property(arbitraryScriptWithRestart(), (actions) => {
          const world = play(actions);
          expect(world.restarts).toBe(1);
          expectAgentsReleased(world);
        }),
        RUNS,
      );
    },
    TIMEOUT_MS,
  );

  it('exercises the deep states and the refusals, so the properties are not vacuous', () => {
    const reached = new Set<string>();
    const refusals = new Set<string>();
    fc.assert(
      fc.property(arbitraryScript(), (actions) => {
        const world = play(actions);
        for (const event of combinedLog(world)) reached.add(event.type);
        for (const code of world.refusals.keys()) refusals.add(code);
      }),
      { numRuns: 60, seed: 20260309 },
    );
    expect([...reached].sort()).toEqual(
      expect.arrayContaining([
        'interaction.accepted',
        'interaction.call-ended',
        'interaction.closed',
        'interaction.customer-answered',
        'interaction.dial-failed',
        'interaction.offer-declined',
        'interaction.queued',
        'interaction.rescheduled',
        'interaction.retry-scheduled',
        'interaction.transfer-requested',
      ]),
    );
    expect([...refusals]).toEqual(expect.arrayContaining(['forbidden', 'invalid_transition', 'validation_failed', 'not_found']));
  }, TIMEOUT_MS);
});
