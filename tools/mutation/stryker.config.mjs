// StrykerJS configuration for one library of TARGETS, chosen by ICC_MUTATION_PROJECT (run.mjs sets it).
// ICC_MUTATION_FILES (comma-separated) narrows the run to some of that library's files while iterating;
// such a run uses its own incremental file so the committed one keeps every file's results.
import { availableParallelism } from 'node:os';
import targets from './targets.cjs';

const { TARGETS, incrementalFile, reportDir } = targets;

const project = process.env.ICC_MUTATION_PROJECT ?? 'core';
const target = TARGETS[project];
if (!target) throw new Error(`ICC_MUTATION_PROJECT=${project} is not one of ${Object.keys(TARGETS).join(', ')}`);
const only = process.env.ICC_MUTATION_FILES?.split(',').filter(Boolean);
// One process on a shared development machine; CI has the machine to itself and uses every core.
const concurrency = Number(process.env.ICC_MUTATION_CONCURRENCY ?? (process.env.CI ? availableParallelism() : 1));

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { projectType: 'custom', configFile: 'tools/mutation/jest.config.cjs', enableFindRelatedTests: true },
  coverageAnalysis: 'perTest',
  checkers: ['typescript'],
  tsconfigFile: target.tsconfig,
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: only ?? target.mutate,
  // The sandbox needs the library under test, the libraries it imports, the root configs and docs/
  // (core's state-machine diagram test reads docs/architecture.md).
  ignorePatterns: ['/apps', '/tools/*', '!/tools/mutation', '/tools/mutation/incremental', '/reports', '/tmp', '/dist', '/data', '/.nx'],
  incremental: true,
  incrementalFile: process.env.ICC_MUTATION_INCREMENTAL_FILE ?? (only ? `${reportDir(project)}/partial-incremental.json` : incrementalFile(project)),
  plugins: ['@stryker-mutator/*', './tools/mutation/progress-log-reporter.mjs'],
  reporters: ['html', 'json', 'clear-text', 'progress', 'icc-progress-log'],
  htmlReporter: { fileName: `${reportDir(project)}/mutation.html` },
  jsonReporter: { fileName: `${reportDir(project)}/mutation.json` },
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: false },
  concurrency,
  timeoutMS: 5_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 95, low: 90, break: null },
};
