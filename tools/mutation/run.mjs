#!/usr/bin/env node
// npm run test:mutation [-- --project core|engine] [-- --files a.ts,b.ts]
// Incremental StrykerJS run over ICC's rule files (targets.cjs), one library after another; prints the
// report paths and fails when any file scores below MIN_SCORE. With --files, only those files are
// mutated (their results go to a separate incremental file, so the committed one stays whole).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkScores } from './check-scores.mjs';

const { MIN_SCORE, TARGETS, reportDir } = createRequire(import.meta.url)('./targets.cjs');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

const { values } = parseArgs({ options: { project: { type: 'string', multiple: true }, files: { type: 'string' } } });
const files = values.files?.split(',').map((file) => path.relative(root, path.resolve(file)));
const projects = (values.project ?? Object.keys(TARGETS)).filter(
  (project) => !files || files.some((file) => TARGETS[project]?.mutate.includes(file)),
);
for (const project of projects) if (!TARGETS[project]) throw new Error(`Unknown project "${project}": ${Object.keys(TARGETS).join(', ')}`);
for (const file of files ?? []) {
  if (!Object.values(TARGETS).some((target) => target.mutate.includes(file))) throw new Error(`${file} is not a mutation target (targets.cjs)`);
}

let failed = [];
for (const project of projects) {
  const started = Date.now();
  const only = files?.filter((file) => TARGETS[project].mutate.includes(file));
  console.log(`== mutation testing ${project}${only ? `: ${only.join(', ')}` : ''}`);
  const result = spawnSync('npx', ['stryker', 'run', 'tools/mutation/stryker.config.mjs'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ICC_MUTATION_PROJECT: project, ...(only ? { ICC_MUTATION_FILES: only.join(',') } : {}) },
  });
  if (result.status !== 0) {
    console.error(`Stryker failed for ${project} (exit ${result.status})`);
    process.exit(result.status ?? 1);
  }
  const report = path.join(root, reportDir(project), 'mutation.json');
  console.log(`== ${project}: ${Math.round((Date.now() - started) / 1000)} s; report ${path.join(root, reportDir(project), 'mutation.html')}`);
  failed = failed.concat(checkScores(report, MIN_SCORE, only));
}
if (failed.length > 0) {
  console.error(`Mutation score below ${MIN_SCORE} % in: ${failed.map((row) => row.file).join(', ')}`);
  process.exit(1);
}
