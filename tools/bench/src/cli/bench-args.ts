export interface BenchArgs {
  quick: boolean;
  /** Scenario ids to run; undefined runs all of them. */
  only?: string[];
  /** Exit with status 1 when a target is missed (a scenario error always does). */
  strict: boolean;
  rebuildWorkspace: boolean;
  /** Where the JSON goes; undefined picks the default for the kind of run. */
  out?: string;
  help: boolean;
}

export const BENCH_USAGE = `usage: npm run bench [-- options]
  --quick              smoke run with reduced sizes (under 30 s); verdicts are indicative only
  --only=a,b           run only these scenarios (ids: intake, fan-out, store, store-postgres, scheduler,
                       routing, recovery, bundle)
  --strict             exit 1 when a target is missed
  --rebuild-workspace  build the workspace even if dist/apps/workspace exists
  --out=path           write the JSON report here (default: results/latest.json for a full run of every
                       scenario, results/scratch.json otherwise)`;

export class BenchArgsError extends Error {
  constructor(message: string) {
    super(`${message}\n${BENCH_USAGE}`);
    this.name = 'BenchArgsError';
  }
}

export function parseBenchArgs(argv: readonly string[], knownScenarios: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, strict: false, rebuildWorkspace: false, help: false };
  for (const argument of argv) {
    const [flag, value] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    if (flag === '--quick') args.quick = true;
    else if (flag === '--strict') args.strict = true;
    else if (flag === '--rebuild-workspace') args.rebuildWorkspace = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--out' && value) args.out = value;
    else if (flag === '--only' && value) {
      const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !knownScenarios.includes(id));
      if (unknown.length > 0) throw new BenchArgsError(`unknown scenario ${unknown.join(', ')}`);
      args.only = ids;
    } else throw new BenchArgsError(`unknown option ${argument}`);
  }
  return args;
}

/** The committed file holds only complete full runs; smoke and partial runs go to a git-ignored file. */
export function defaultReportPath(args: BenchArgs): string {
  return !args.quick && args.only === undefined ? 'tools/bench/results/latest.json' : 'tools/bench/results/scratch.json';
}
