// The Jest config Stryker runs (inside its sandbox): the library's own config, limited to the unit
// tests of its rule folders. ICC_MUTATION_PROJECT names the library (see targets.cjs).
const path = require('node:path');
const { TARGETS } = require('./targets.cjs');

const repoRoot = path.join(__dirname, '..', '..');
const target = TARGETS[process.env.ICC_MUTATION_PROJECT ?? 'core'];
if (!target) throw new Error(`ICC_MUTATION_PROJECT=${process.env.ICC_MUTATION_PROJECT} is not in targets.cjs`);

const library = require(path.join(repoRoot, target.jestConfig));
// A run narrowed to some files (ICC_MUTATION_FILES) only needs the tests in those files' folders.
const only = process.env.ICC_MUTATION_FILES?.split(',').filter(Boolean);
const roots = only ? [...new Set(only.map((file) => path.dirname(file)))] : target.testRoots;

module.exports = {
  ...library,
  roots: roots.map((root) => path.join(repoRoot, root)),
  setupFiles: [...(library.setupFiles ?? []), path.join(__dirname, 'fast-check-budget.cjs')],
};
