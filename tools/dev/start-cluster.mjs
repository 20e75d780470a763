// `npm run start:cluster`: the gateway as a cluster on one machine. A throwaway PostgreSQL, N gateways
// in cluster mode (ICC_CLUSTER=true, one shared JWT secret, each its own port and data directory)
// and HAProxy in front (tools/dev/cluster/haproxy.cfg); prints the one URL agents open.
//   npm run start:cluster -- --gateways <n>     how many gateways (default 3)
//   npm run start:cluster -- --port <n>         HAProxy's port (default 3000, or the next free one)
//   npm run start:cluster -- --vendor <name>    and --demo-traffic, --no-workspace: as for npm start
// A killed gateway is left dead (HAProxy sends its traffic to the others: that is the point); Ctrl+C /
// SIGTERM drain the gateways, then stop HAProxy and PostgreSQL and remove every file of the run.
// Killed itself (SIGKILL), its orphan guard stops all of them.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort, localPostgresCluster, postgresBinDir } from '../../libs/store-postgres/src/cluster/local-postgres-cluster.mjs';
import { parseClusterArguments, DEFAULT_LISTEN_PORT } from './cluster-options.mjs';
import { haproxyConfig } from './cluster/haproxy-config.mjs';
import { startOrphanGuard } from './orphan-guard.mjs';
import { buildRun, servedApps, spawnGateway, StartBuildError } from './start-build.mjs';
import { gatewayEnvironment } from './start-options.mjs';
import { startThrowawayPostgres } from './start-postgres.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const HAPROXY = process.env.ICC_HAPROXY || '/usr/sbin/haproxy';
/** A gateway's drain is bounded by its own timeouts; past this it is killed so Ctrl+C always returns. */
const DRAIN_LIMIT_MS = 20_000;
/** A gateway's first start creates the schema; on a loaded machine that takes a while. */
const READY_WAIT_MS = 60_000;

/** @type {{ name: string, url: string, child: import('node:child_process').ChildProcess }[]} */
const gateways = [];
/** @type {import('node:child_process').ChildProcess | undefined} */
let haproxy = undefined;
let postgres;
let scratch = undefined;
let stopping = false;
const binDir = postgresBinDir();
const guard = startOrphanGuard();

const running = (child) => child.exitCode === null && child.signalCode === null;
const closed = (child) => (running(child) ? new Promise((resolve) => child.once('close', resolve)) : Promise.resolve());

// Whatever ends this script (a failure on the way up included), nothing it started outlives it.
process.on('exit', () => {
  for (const { child } of gateways) if (running(child)) child.kill('SIGKILL');
  if (haproxy && running(haproxy)) haproxy.kill('SIGKILL');
  // By its directory, not the handle: a server still starting when a signal came is stopped too.
  if (scratch) localPostgresCluster({ dir: join(scratch, 'pg'), binDir }).stopSync();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  guard.release();
});

function fail(message) {
  console.error(`npm run start:cluster: ${message}`);
  process.exit(1);
}

let options;
try {
  options = parseClusterArguments(process.argv.slice(2));
} catch (error) {
  fail(error.message);
}
if (!existsSync(HAPROXY)) fail(`HAProxy not found at ${HAPROXY}: apt-get install haproxy (Debian 12), or set ICC_HAPROXY to its binary`);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (stopping) return console.log('  Still stopping; the gateways stop once open requests and streams are done.');
    void stop(`${signal}`, 0);
  });
}

/** Drains the gateways (in parallel: each releases what it holds), then stops HAProxy and PostgreSQL. */
async function stop(reason, exitCode) {
  stopping = true;
  console.log(`\n  Stopping the cluster (${reason})…`);
  await Promise.all(
    gateways.map(async ({ child }) => {
      if (!running(child)) return;
      child.kill('SIGTERM');
      const drained = await Promise.race([closed(child).then(() => true), sleep(DRAIN_LIMIT_MS, false)]);
      if (!drained) child.kill('SIGKILL');
      await closed(child);
    }),
  );
  if (haproxy && running(haproxy)) {
    haproxy.kill('SIGTERM');
    await closed(haproxy);
  }
  console.log('  Gateways and HAProxy stopped.');
  if (postgres) {
    await postgres.stop();
    postgres = undefined;
    console.log('  PostgreSQL stopped; its throwaway data is removed.');
  }
  process.exit(exitCode);
}

/** Whether nothing listens on loopback `port` (HAProxy binds 127.0.0.1). */
function isFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer().once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** `preferred`, or the first free loopback port after it. */
async function firstFreePort(preferred) {
  for (let port = preferred; port < preferred + 100; port++) if (await isFree(port)) return port;
  fail(`no free port from ${preferred} to ${preferred + 99}: pass --port`);
}

/** Prints a child's output lines with its name in front, so the gateways' logs stay apart. */
function prefixLines(stream, name) {
  createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
}

/** Resolves once `url` answers 200; rejects when `child` ends first or after `READY_WAIT_MS`. */
async function answers(url, child) {
  const deadline = Date.now() + READY_WAIT_MS;
  for (;;) {
    if (child && !running(child)) throw new Error('it ended');
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${READY_WAIT_MS / 1000} s`);
    await sleep(200);
  }
}

/**
 * Starts gateway `index` on a port chosen here (its URL is known whatever LOG_LEVEL hides) and
 * resolves once it is ready. Its death later is reported; the others carry on.
 */
async function startGateway(index, env) {
  const name = `gateway-${index}`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = spawnGateway({
    root,
    main,
    env: { ...env, HOST: '127.0.0.1', PORT: String(port), ICC_DATA_DIR: join(scratch, name) },
    onLine: (line) => console.log(`[${name}] ${line}`),
  });
  const gateway = { name, url, child: started.child };
  gateways.push(gateway);
  guard.processGroup(started.child.pid);
  started.child.once('close', (code, signal) => {
    if (stopping) return;
    const left = gateways.filter(({ child }) => running(child));
    console.log(`\n  ${name} (pid ${started.child.pid}) stopped (${signal ?? `exit code ${code}`}); ${left.length} gateway(s) left.`);
    if (left.length === 0) return void stop('every gateway stopped', 1);
    console.log(`  HAProxy sends its traffic to ${left.map((other) => other.name).join(', ')}.\n`);
    void announceOwner(url);
  });
  try {
    await answers(`${url}/readyz`, started.child);
  } catch (error) {
    // A Ctrl+C while it started: stop() is under way and exits.
    if (stopping) await new Promise(() => undefined);
    fail(`${name} did not start: ${error.message} (see its lines above)`);
  }
  return gateway;
}

/** The gateway's role from GET /clusterz ('owner' / 'follower'), or why there is none. */
async function roleOf(url) {
  try {
    const response = await fetch(`${url}/clusterz`);
    if (response.status === 404) return 'no cluster mode (no /clusterz)';
    const { role } = await response.json();
    return role;
  } catch (error) {
    return `unreachable (${error.message})`;
  }
}

/** After a gateway died: which one runs the ACD once the lease has a live holder again (cluster mode only). */
async function announceOwner(deadUrl) {
  const deadline = Date.now() + READY_WAIT_MS;
  while (!stopping && Date.now() < deadline) {
    try {
      const { owner } = await (await fetch(`${clusterUrl}/clusterz`)).json();
      const holder = gateways.find(({ url, child }) => url === owner && url !== deadUrl && running(child));
      if (holder) return console.log(`\n  ${holder.name} (pid ${holder.child.pid}) owns the ACD.\n`);
    } catch {
      // No /clusterz (no cluster mode), or nobody answered: try again until the deadline.
    }
    await sleep(500);
  }
}

if (options.port !== undefined && !(await isFree(options.port))) fail(`port ${options.port} is in use: pass another --port, or leave it out (3000 or the next free one)`);
const listenPort = options.port ?? (await firstFreePort(DEFAULT_LISTEN_PORT));
const clusterUrl = `http://127.0.0.1:${listenPort}`;
let built;
try {
  built = await buildRun(root, options);
} catch (error) {
  if (error instanceof StartBuildError) fail(error.message);
  throw error;
}
const { run, main, runEnv } = built;
guard.remove(run.dir);

// The postgres user runs the server: the directory must be reachable by it (mkdtemp makes it 0700).
scratch = mkdtempSync(join(tmpdir(), 'icc-cluster-'));
chmodSync(scratch, 0o755);
guard.remove(scratch);
guard.postgres(join(scratch, 'pg'), binDir);
try {
  postgres = await startThrowawayPostgres({ dir: join(scratch, 'pg'), binDir });
} catch (error) {
  fail(error.message);
}
console.log(`PostgreSQL 15 (throwaway, in ${scratch}/pg) running at ${postgres.url}`);

const env = {
  ...gatewayEnvironment(process.env, options, { runEnv, postgresUrl: postgres.url }),
  ICC_CLUSTER: 'true',
  // Agent tokens are signed and checked with it on every gateway.
  ICC_JWT_SECRET: process.env.ICC_JWT_SECRET || randomBytes(32).toString('base64url'),
};
// The first one alone: it creates the schema and the demo queues, and takes the ACD lease.
await startGateway(1, env);
await Promise.all(Array.from({ length: options.gateways - 1 }, (_, index) => startGateway(index + 2, env)));

const configFile = join(run.dir, 'haproxy.cfg');
writeFileSync(configFile, haproxyConfig({ listenPort, gateways: gateways.map(({ name, url }) => ({ name, url })) }));
haproxy = spawn(HAPROXY, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
guard.processGroup(haproxy.pid);
prefixLines(haproxy.stdout, 'haproxy');
prefixLines(haproxy.stderr, 'haproxy');
haproxy.once('close', (code, signal) => {
  if (!stopping) void stop(`HAProxy stopped (${signal ?? `exit code ${code}`}; config ${configFile})`, 1);
});
try {
  await answers(`${clusterUrl}/readyz`);
} catch (error) {
  fail(`HAProxy: ${error.message} (config ${configFile})`);
}

const roles = await Promise.all(gateways.map(({ url }) => roleOf(url)));
const { workspace, openFrame } = servedApps(run, clusterUrl);
const rows = gateways.map(({ name, url, child }, index) => `    ${name}  ${url}  pid ${child.pid}  ${roles[index]}`);
console.log(`
  ICC Callbacks (cluster) is running at ${clusterUrl}${workspace}${openFrame}
  That is HAProxy (pid ${haproxy.pid}, config ${configFile}); the gateways behind it:
${rows.join('\n')}
  Store: PostgreSQL (throwaway) at ${postgres.url}
  To see a failover: kill -9 <a gateway's pid>; ${clusterUrl}/clusterz says which gateway answered and who owns the ACD.
  Press Ctrl+C to stop.
`);
