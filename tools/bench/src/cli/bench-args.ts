export interface BenchArgs {
  quick: boolean;
  /** Scenario ids to run; undefined runs all of them. */
  only?: string[];
  /** Exit with status 1 when a target is missed (a scenario error always does). */
  strict: boolean;
  rebuildWorkspace: boolean;
  /** Where the JSON goes; undefined picks the default for the kind of run. */
  out?: string;
  /** An earlier results file: after the run (or against `against`), print every shared row before → after. */
  compare?: string;
  /** A second results file to compare with `compare` instead of running anything. */
  against?: string;
  help: boolean;
}

export const BENCH_USAGE = `usage: npm run bench [-- options]
  --quick              smoke run with reduced sizes (under a minute); verdicts are indicative only
  --only=a,b           run only these scenarios (ids: intake, fan-out, agents-10k, store, store-postgres,
                       scheduler, routing, recovery, bundle)
  --strict             exit 1 when a target is missed
  --rebuild-workspace  build the workspace even if dist/apps/workspace exists
  --out=path           write the JSON report here (default: results/latest.json for a full run of every
                       scenario, results/scratch.json otherwise)
  --compare=before.json
                       after the run, print every row it shares with that earlier results file:
                       ours, baseline, ratio and result before → after, and the change of ours
  --compare=before.json --against=after.json
                       run nothing: compare two results files
  (every option that takes a value also takes it as the next argument: --compare before.json)`;

export class BenchArgsError extends Error {
  constructor(message: string) {
    super(`${message}\n${BENCH_USAGE}`);
    this.name = 'BenchArgsError';
  }
}

const VALUE_FLAGS = new Set(['--only', '--out', '--compare', '--against']);

export function parseBenchArgs(argv: readonly string[], knownScenarios: readonly string[]): BenchArgs {
  const args: BenchArgs = { quick: false, strict: false, rebuildWorkspace: false, help: false };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] as string;
    const equals = argument.indexOf('=');
    const flag = equals < 0 ? argument : argument.slice(0, equals);
    let value: string | undefined;
    if (VALUE_FLAGS.has(flag)) {
      value = equals < 0 ? argv[++index] : argument.slice(equals + 1);
      if (!value || (equals < 0 && value.startsWith('--'))) throw new BenchArgsError(`${flag} needs a value`);
    } else if (equals >= 0) throw new BenchArgsError(`unknown option ${argument}`);

    if (flag === '--quick') args.quick = true;
    else if (flag === '--strict') args.strict = true;
    else if (flag === '--rebuild-workspace') args.rebuildWorkspace = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--out') args.out = value;
    else if (flag === '--compare') args.compare = value;
    else if (flag === '--against') args.against = value;
    else if (flag === '--only' && value !== undefined) {
      const ids = value.split(',').map((id) => id.trim()).filter(Boolean);
      const unknown = ids.filter((id) => !knownScenarios.includes(id));
      if (unknown.length > 0) throw new BenchArgsError(`unknown scenario ${unknown.join(', ')}`);
      args.only = ids;
    } else throw new BenchArgsError(`unknown option ${argument}`);
  }
  if (args.against !== undefined) {
    if (args.compare === undefined) throw new BenchArgsError('--against compares with the file of --compare: give both');
    const runOptions = [args.quick && '--quick', args.strict && '--strict', args.rebuildWorkspace && '--rebuild-workspace', args.only && '--only', args.out && '--out'].filter(Boolean);
    if (runOptions.length > 0) throw new BenchArgsError(`--against runs nothing: ${runOptions.join(', ')} would have no effect`);
  }
  return args;
}

/** The committed file holds only complete full runs; smoke and partial runs go to a git-ignored file. */
export function defaultReportPath(args: BenchArgs): string {
  return !args.quick && args.only === undefined ? 'tools/bench/results/latest.json' : 'tools/bench/results/scratch.json';
}
