// The rule files under mutation testing, per library. Each library's rule files are mutated against
// the unit tests in `testRoots` (the rule folders), not the whole library suite: the in-process
// engine's scenario tests cover the queue and scheduler too, but would make every mutant cost seconds.
// Every file listed must keep a mutation score of at least MIN_SCORE (check-scores.mjs, per file).
const MIN_SCORE = 90;

// The rule files are every source file of the rule folders (tests, test support and index re-exports
// aside), read from disk so a new rule file (a new decide function) is mutated without editing this list.
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.join(__dirname, '..', '..');
const isRuleFile = (name) => name.endsWith('.ts') && !/\.test(-support)?\.ts$|\.d\.ts$/.test(name) && name !== 'index.ts';
const ruleFilesIn = (folders) =>
  folders.flatMap((folder) =>
    fs
      .readdirSync(path.join(repoRoot, folder))
      .filter(isRuleFile)
      .sort()
      .map((name) => `${folder}/${name}`),
  );

const CORE_RULES = ['libs/core/src/state-machine', 'libs/core/src/controls', 'libs/core/src/decide', 'libs/core/src/time'];
const ENGINE_RULES = [
  'libs/engine/src/queue',
  'libs/engine/src/scheduler',
  'libs/engine/src/retry',
  'libs/engine/src/business-hours',
  'libs/engine/src/routing',
];

const TARGETS = {
  core: {
    jestConfig: 'libs/core/jest.config.cjs',
    tsconfig: 'tools/mutation/tsconfig.core.json',
    testRoots: CORE_RULES,
    mutate: ruleFilesIn(CORE_RULES),
  },
  engine: {
    jestConfig: 'libs/engine/jest.config.cjs',
    tsconfig: 'tools/mutation/tsconfig.engine.json',
    testRoots: ENGINE_RULES,
    mutate: ruleFilesIn(ENGINE_RULES),
  },
};

const reportDir = (project) => `reports/mutation/${project}`;
const incrementalFile = (project) => `tools/mutation/incremental/${project}.json`;

module.exports = { MIN_SCORE, TARGETS, reportDir, incrementalFile };
