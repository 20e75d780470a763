import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_USAGE, BenchArgsError, defaultReportPath, parseBenchArgs } from './cli/bench-args';
import { diffReports } from './compare/diff-reports';
import { formatDiff } from './compare/format-diff';
import { readReportFile, ReportFileError } from './compare/read-report-file';
import { tallyReport, type BenchReport } from './report/bench-report';
import { formatReport } from './report/format-table';
import { readMachineInfo } from './report/machine-info';
import { REPO_ROOT } from './process/paths';
import { runScenario } from './run-scenario';
import { ALL_SCENARIOS } from './scenarios/all-scenarios';

const started = performance.now();
const log = (message: string) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${message}\n`);

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2), ALL_SCENARIOS.map((scenario) => scenario.id));
  if (args.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  // Read before running: a mistyped path should not cost a full run.
  const before = args.compare === undefined ? undefined : readReportFile(resolve(REPO_ROOT, args.compare));
  if (before && args.against !== undefined) {
    console.log(formatDiff(diffReports(before, readReportFile(resolve(REPO_ROOT, args.against)))));
    return 0;
  }
  const report: BenchReport = { startedAt: new Date().toISOString(), mode: args.quick ? 'quick' : 'full', machine: readMachineInfo(), rows: [], scenarios: [] };
  const selected = ALL_SCENARIOS.filter((scenario) => args.only === undefined || args.only.includes(scenario.id));
  for (const scenario of selected) {
    log(`${scenario.id}: ${scenario.title}`);
    const outcome = await runScenario(scenario, { quick: args.quick, repoRoot: REPO_ROOT, rebuildWorkspace: args.rebuildWorkspace, log });
    report.scenarios.push(outcome.report);
    report.rows.push(...outcome.rows);
    log(`${scenario.id}: ${outcome.report.status} in ${outcome.report.seconds} s`);
  }
  console.log(formatReport(report));
  const out = resolve(REPO_ROOT, args.out ?? defaultReportPath(args));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  log(`report written to ${out} (${((performance.now() - started) / 1000).toFixed(1)} s in all)`);
  if (before) console.log(`\ncompared with ${args.compare}:\n${formatDiff(diffReports(before, report))}`);
  const tally = tallyReport(report);
  return tally.errors > 0 || (args.strict && tally.fail > 0) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const usageError = error instanceof BenchArgsError || error instanceof ReportFileError;
    console.error(usageError ? error.message : error);
    process.exit(usageError ? 2 : 1);
  },
);
