#!/usr/bin/env node
// Per-file scores and survivors from reports/mutation/<library>/tested.jsonl (written while Stryker runs).
import { existsSync, readFileSync } from 'node:fs';

for (const project of ['core', 'engine']) {
  const file = `reports/mutation/${project}/tested.jsonl`;
  if (!existsSync(file)) continue;
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  const byFile = new Map();
  for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), row]);
  for (const [name, mutants] of byFile) {
    const count = (...statuses) => mutants.filter((mutant) => statuses.includes(mutant.status)).length;
    const detected = count('Killed', 'Timeout');
    const undetected = count('Survived', 'NoCoverage');
    const score = detected + undetected ? ((100 * detected) / (detected + undetected)).toFixed(1) : '-';
    console.log(`${score.padStart(6)} %  ${name}  ${detected} detected, ${undetected} undetected, ${count('CompileError')} compile errors, ${mutants.length} tested so far`);
    for (const mutant of mutants.filter((row) => row.status === 'Survived' || row.status === 'NoCoverage')) {
      console.log(`         ${mutant.status} line ${mutant.line} ${mutant.mutatorName}: ${JSON.stringify(mutant.replacement)}`);
    }
  }
}
