// `npm start`: bundle the gateway, build the workspace (when that project exists), run the gateway
// with the mock vendor and the embedded store, and print the one URL to open.
//   npm start -- --demo-traffic          create realistic callbacks every few seconds
//   npm start -- --vendor <name>         another registered vendor (ICC_VENDOR)
//   npm start -- --store postgres        a local PostgreSQL 15 kept in data/pg (ICC_STORE=postgres://…)
//   npm start -- --no-workspace          the API only: do not build the workspace
// Each run builds into its own dist/start/run-<time>-<pid> (removed when it stops), so two starts in
// one checkout do not overwrite each other's files. Ctrl+C / SIGTERM reach the gateway once, and this
// script waits for its drain (then stops PostgreSQL), so the shutdown lines are printed before the prompt returns.
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { postgresBinDir } from '../../libs/store-postgres/src/cluster/local-postgres-cluster.mjs';
import { startOrphanGuard } from './orphan-guard.mjs';
import { buildRun, servedApps, spawnGateway, StartBuildError } from './start-build.mjs';
import { gatewayEnvironment, parseStartArguments } from './start-options.mjs';
import { startDevPostgres } from './start-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseStartArguments(process.argv.slice(2));
} catch (error) {
  fail(error.message);
}
/** The local PostgreSQL of --store postgres, once started: stopped after the gateway, or on any exit. */
let postgres;
let postgresShown;
/** @type {import('node:child_process').ChildProcess | undefined} */
let gateway = undefined;
process.on('exit', () => {
  if (gateway && gateway.exitCode === null && gateway.signalCode === null) gateway.kill('SIGTERM');
  postgres?.stopSync();
});
let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Before the gateway runs there is nothing to drain: the exit handlers stop PostgreSQL and clean up.
    if (!gateway) process.exit(130);
    if (forwarded) return console.log('  Still draining; the gateway stops once open requests and streams are done.');
    forwarded = true;
    console.log(`\n  Stopping the gateway (${signal})…`);
    gateway.kill(signal);
  });
}

let built;
try {
  built = await buildRun(root, options);
} catch (error) {
  if (error instanceof StartBuildError) fail(error.message);
  throw error;
}
const { run, main, runEnv } = built;

if (options.store === 'postgres') {
  const dir = resolve(root, process.env.ICC_DATA_DIR || 'data', 'pg');
  postgresShown = relative(root, dir).startsWith('..') ? dir : relative(root, dir);
  try {
    postgres = await startDevPostgres({ dir, binDir: postgresBinDir(), log: console.log });
  } catch (error) {
    fail(`${error.message}${error.code === 'directory_unreachable' ? ' (or set ICC_DATA_DIR: the cluster goes to $ICC_DATA_DIR/pg)' : ''}`);
  }
  console.log(
    `PostgreSQL 15 ${postgres.created ? 'created' : 'reused'} in ${postgresShown} (kept between runs; delete it to start over), running at ${postgres.url}`,
  );
}

// A SIGKILLed npm start leaves no gateway behind: the guard stops it (its data is kept, as always).
const guard = startOrphanGuard();
const started = spawnGateway({
  root,
  main,
  env: gatewayEnvironment(process.env, options, { runEnv, postgresUrl: postgres?.url }),
  onLine: (line) => console.log(line),
});
gateway = started.child;
guard.processGroup(gateway.pid);
guard.remove(run.dir);
void started.url.then((url) => {
  if (!url) return;
  const { workspace, openFrame } = servedApps(run, url);
  const store = postgres ? `\n  Store: PostgreSQL at ${postgres.url} (data in ${postgresShown})` : '';
  console.log(`\n  ICC Callbacks is running at ${url}${workspace}${openFrame}${store}\n  Press Ctrl+C to stop.\n`);
});

// `close`, not `exit`: every line the gateway wrote is printed before this script ends.
gateway.on('close', async (code, signal) => {
  console.log(`  The gateway stopped${code === null ? ` (${signal})` : code === 0 ? '' : ` (exit code ${code})`}.`);
  if (postgres) {
    await postgres.stop();
    console.log(`  PostgreSQL stopped; its data stays in ${postgresShown} for the next npm start -- --store postgres.`);
  }
  guard.release();
  process.exit(code ?? (signal ? 1 : 0));
});
