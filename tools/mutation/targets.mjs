// The rule files under mutation testing, per library: each is mutated against its own library's Jest suite.
// A file listed here must keep a mutation score of at least MIN_SCORE (checked per file by check-scores.mjs).
export const MIN_SCORE = 90;

export const TARGETS = {
  core: {
    jestConfig: 'libs/core/jest.config.cjs',
    tsconfig: 'libs/core/tsconfig.json',
    mutate: [
      'libs/core/src/state-machine/interaction-transitions.ts',
      'libs/core/src/state-machine/reduce-interaction.ts',
      'libs/core/src/controls/allowed-controls.ts',
    ],
  },
  engine: {
    jestConfig: 'libs/engine/jest.config.cjs',
    tsconfig: 'libs/engine/tsconfig.json',
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

export const reportDir = (project) => `reports/mutation/${project}`;
export const incrementalFile = (project) => `tools/mutation/incremental/${project}.json`;
