// The rule files under mutation testing, per library. Each library's rule files are mutated against
// the unit tests in `testRoots` (the rule folders), not the whole library suite: the in-process
// engine's scenario tests cover the queue and scheduler too, but would make every mutant cost seconds.
// Every file listed must keep a mutation score of at least MIN_SCORE (check-scores.mjs, per file).
const MIN_SCORE = 90;

const TARGETS = {
  core: {
    jestConfig: 'libs/core/jest.config.cjs',
    tsconfig: 'tools/mutation/tsconfig.core.json',
    testRoots: ['libs/core/src/state-machine', 'libs/core/src/controls', 'libs/core/src/decide'],
    mutate: [
      'libs/core/src/state-machine/interaction-transitions.ts',
      'libs/core/src/state-machine/reduce-interaction.ts',
      'libs/core/src/controls/allowed-controls.ts',
      'libs/core/src/decide/callback-refusals.ts',
      'libs/core/src/decide/decide-callback-creation.ts',
      'libs/core/src/decide/decide-cancel.ts',
      'libs/core/src/decide/decide-close-callback.ts',
      'libs/core/src/decide/decide-expiry.ts',
      'libs/core/src/decide/decide-reschedule.ts',
      'libs/core/src/decide/require-customer-number.ts',
    ],
  },
  engine: {
    jestConfig: 'libs/engine/jest.config.cjs',
    tsconfig: 'tools/mutation/tsconfig.engine.json',
    testRoots: ['libs/engine/src/queue', 'libs/engine/src/scheduler', 'libs/engine/src/retry', 'libs/engine/src/business-hours'],
    mutate: [
      'libs/engine/src/queue/callback-queue.ts',
      'libs/engine/src/scheduler/timer-queue.ts',
      'libs/engine/src/retry/retry-policy.ts',
      'libs/engine/src/business-hours/is-open.ts',
      'libs/engine/src/business-hours/opening-intervals.ts',
      'libs/engine/src/business-hours/zone-clock.ts',
    ],
  },
};

const reportDir = (project) => `reports/mutation/${project}`;
const incrementalFile = (project) => `tools/mutation/incremental/${project}.json`;

module.exports = { MIN_SCORE, TARGETS, reportDir, incrementalFile };
