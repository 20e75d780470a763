// Per-file mutation score from Stryker's JSON report (Stryker's own `thresholds.break` is global).
// Score = detected / (detected + undetected), as Stryker defines it: killed and timed-out mutants are
// detected, survived and uncovered ones are not; compile errors and `Stryker disable`d mutants don't count.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** Rows of { file, score, detected, undetected, ignored } for every file in the report. */
export function fileScores(reportPath) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  return Object.entries(report.files).map(([file, { mutants }]) => {
    const count = (statuses) => mutants.filter((mutant) => statuses.has(mutant.status)).length;
    const detected = count(DETECTED);
    const undetected = count(UNDETECTED);
    const ignored = mutants.filter((mutant) => mutant.status === 'Ignored').length;
    const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
    return { file: path.relative(process.cwd(), path.resolve(file)), score, detected, undetected, ignored, total: mutants.length };
  });
}

/** Prints the table and returns the rows under `minimum` (only for `files` when given). */
export function checkScores(reportPath, minimum, files) {
  const rows = fileScores(reportPath).filter((row) => !files || files.includes(row.file));
  for (const row of rows) {
    const verdict = row.score >= minimum ? 'ok' : `BELOW ${minimum} %`;
    console.log(
      `${row.score.toFixed(1).padStart(6)} %  ${row.file}  (${row.detected} detected, ${row.undetected} undetected, ${row.ignored} disabled, ${row.total} mutants)  ${verdict}`,
    );
  }
  return rows.filter((row) => row.score < minimum);
}
