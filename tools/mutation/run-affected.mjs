#!/usr/bin/env node
// `npm test` (and so CI) ends here: the incremental mutation run (nx target `test:mutation`) of each rule
// library that changed since its incremental result was last committed. That commit is the base because
// the committed result is what a run starts from: a library unchanged since then would only replay it.
// ICC_MUTATION_BASE overrides the base; a shallow clone, or a library without a committed result, runs
// (still incremental from whatever result is there), and so does one whose result a merge last changed
// (see below). ICC_MUTATION=skip skips the whole step; --dry-run only prints the decision.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const { TARGETS, incrementalFile } = createRequire(import.meta.url)('./targets.cjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', env: nxEnv }).trim();

if (process.env.ICC_MUTATION === 'skip') {
  console.log('== mutation: skipped (ICC_MUTATION=skip)');
  process.exit(0);
}

const shallow = run('git', ['rev-parse', '--is-shallow-repository']) === 'true';
// Changes to the mutation setup itself (targets, Stryker or Jest config) count for every library.
const SETUP = ['tools/mutation', ':(exclude)tools/mutation/incremental', ':(exclude)tools/mutation/evidence', ':(exclude)tools/mutation/README.md'];

function reasonToRun(project) {
  const base = process.env.ICC_MUTATION_BASE || run('git', ['log', '-1', '--format=%H', '--', incrementalFile(project)]);
  if (!base) return 'no committed incremental result';
  if (shallow && !process.env.ICC_MUTATION_BASE) return 'shallow clone: history unknown';
  // git log names a merge here only when the merge made the file differ from every parent (a resolved
  // conflict): such a result need not cover the rule files of both sides, so it is not a safe base.
  const parents = run('git', ['rev-list', '--parents', '-n', '1', base]).split(' ').length - 1;
  if (parents > 1 && !process.env.ICC_MUTATION_BASE) return `its incremental result was last changed by merge ${base.slice(0, 10)}`;
  const since = `since ${base.slice(0, 10)}`;
  // Without --head nx also sees uncommitted changes, so a local run after an edit picks them up.
  const changed = JSON.parse(run('npx', ['nx', 'show', 'projects', '--affected', `--base=${base}`, '--json']));
  if (changed.includes(project)) return `nx: ${project} affected ${since}`;
  const setup = run('git', ['diff', '--name-only', base, '--', ...SETUP]);
  if (setup) return `mutation setup changed ${since}`;
  console.log(`== mutation: ${project} unchanged ${since}, nothing to run`);
  return undefined;
}

const projects = Object.keys(TARGETS).filter((project) => {
  const reason = reasonToRun(project);
  if (reason) console.log(`== mutation: ${project} runs (${reason})`);
  return reason !== undefined;
});
// --dry-run prints the decision only.
if (projects.length === 0 || process.argv.includes('--dry-run')) process.exit(0);

// One library at a time: each Stryker run already uses every core it is given.
const result = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'test:mutation', `--projects=${projects.join(',')}`, '--parallel=1', '--outputStyle=static'],
  { cwd: root, stdio: 'inherit', env: nxEnv },
);
// A run that had to re-test mutants leaves a newer result: committing it keeps the next run short.
const stale = run('git', ['status', '--porcelain', '--', 'tools/mutation/incremental']);
if (stale) console.log(`== mutation: the incremental results changed; commit them so the next run starts from here:\n${stale}`);
process.exit(result.status ?? 1);
