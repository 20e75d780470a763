#!/usr/bin/env node
// CI: the incremental mutation run, only for the libraries `nx affected` reports as changed since their
// incremental result file was last committed (or since ICC_MUTATION_BASE). Nothing changed = nothing run.
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const { TARGETS, incrementalFile } = createRequire(import.meta.url)('./targets.cjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
const run = (command, args) => execFileSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' } }).trim();

// A shallow clone cannot say what changed since the incremental file: run everything (still incremental).
const shallow = run('git', ['rev-parse', '--is-shallow-repository']) === 'true';

const affected = Object.keys(TARGETS).filter((project) => {
  const base = process.env.ICC_MUTATION_BASE || run('git', ['log', '-1', '--format=%H', '--', incrementalFile(project)]);
  if (!base || (shallow && !process.env.ICC_MUTATION_BASE)) return true;
  // Without --head nx also sees uncommitted changes, so a local run after an edit picks it up.
  const changed = JSON.parse(run('npx', ['nx', 'show', 'projects', '--affected', `--base=${base}`, '--json']));
  console.log(`== mutation: ${project} ${changed.includes(project) ? 'changed' : 'unchanged'} since ${base.slice(0, 10)}`);
  return changed.includes(project);
});
if (affected.length === 0) {
  console.log('== mutation: no rule library changed, nothing to run');
  process.exit(0);
}
const result = spawnSync('node', ['tools/mutation/run.mjs', ...affected.flatMap((project) => ['--project', project])], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
