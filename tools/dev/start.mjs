// `npm start`: bundle the gateway, build the workspace (when that project exists), run the gateway
// with the mock vendor and the embedded store, and print the one URL to open.
//   npm start -- --demo-traffic          create realistic callbacks every few seconds
//   npm start -- --vendor <name>         another registered vendor (ICC_VENDOR)
//   npm start -- --no-workspace          the API only: do not build the workspace
// Each run builds into its own dist/start/run-<time>-<pid> (removed when it stops), so two starts in
// one checkout do not overwrite each other's files. Ctrl+C / SIGTERM reach the gateway once, and this
// script waits for its drain, so the shutdown lines are printed before the prompt returns.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildGateway } from '../../apps/gateway/build.mjs';
import { copyInto, createRunOutput, withBuildLock } from './start-run-output.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

let buildWorkspace = true;

function parseArguments(argv) {
  const env = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--demo-traffic') env.ICC_DEMO_TRAFFIC = '1';
    else if (argument === '--no-workspace') buildWorkspace = false;
    else if (argument === '--vendor') {
      const vendor = argv[++index];
      if (!vendor) fail('--vendor needs a name, e.g. --vendor mock');
      env.ICC_VENDOR = vendor;
    } else if (argument.startsWith('--vendor=')) env.ICC_VENDOR = argument.slice('--vendor='.length);
    else fail(`unknown option ${argument}; use --demo-traffic, --vendor <name> and/or --no-workspace`);
  }
  return env;
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const overrides = parseArguments(process.argv.slice(2));
const run = createRunOutput(root);
process.on('exit', run.remove);
console.log(`Building into ${relative(root, run.dir)} (removed when this run stops)`);
const main = await buildGateway(run.gatewayMain);

/** Builds a browser app with nx under the shared lock and copies it into this run's directory. */
async function buildBrowserApp(project, label, into) {
  if (!existsSync(join(root, `apps/${project}/project.json`))) return;
  await withBuildLock(root, () => {
    console.log(`Building ${label}…`);
    const built = spawnSync('npx', ['nx', 'run', `${project}:build`, '--outputStyle=static'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (built.status !== 0) fail(`the ${label} build failed (see above)`);
    copyInto(join(root, `dist/apps/${project}`), into);
  });
}

if (buildWorkspace) {
  await buildBrowserApp('workspace', 'the agent workspace', run.workspaceDir);
  await buildBrowserApp('servicenow-openframe', 'the ServiceNow OpenFrame app and its host-page harness', run.openFrameDir);
}

// Its own process group: a Ctrl+C in the terminal reaches only this script, which passes it on once.
const gateway = spawn(process.execPath, ['--enable-source-maps', main], {
  cwd: root,
  env: { ...process.env, ICC_WORKSPACE_DIR: run.workspaceDir, ICC_OPENFRAME_DIR: run.openFrameDir, ...overrides },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
process.on('exit', () => {
  if (gateway.exitCode === null && gateway.signalCode === null) gateway.kill('SIGTERM');
});

let announced = false;
createInterface({ input: gateway.stdout }).on('line', (line) => {
  console.log(line);
  const url = /"url":"(http[^"]+)"/.exec(line)?.[1];
  if (url && !announced) {
    announced = true;
    const workspace = existsSync(join(run.workspaceDir, 'index.html')) ? '' : ' (API only: the workspace is not built)';
    const openFrame = existsSync(join(run.openFrameDir, 'index.html'))
      ? `\n  ServiceNow OpenFrame harness (local stand-in, not ServiceNow): ${url}/servicenow/harness/`
      : '';
    console.log(`\n  ICC Callbacks is running at ${url}${workspace}${openFrame}\n  Press Ctrl+C to stop.\n`);
  }
});

let forwarded = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (forwarded) return console.log('  Still draining; the gateway stops once open requests and streams are done.');
    forwarded = true;
    console.log(`\n  Stopping the gateway (${signal})…`);
    gateway.kill(signal);
  });
}
// `close`, not `exit`: every line the gateway wrote is printed before this script ends.
gateway.on('close', (code, signal) => {
  console.log(`  The gateway stopped${code === null ? ` (${signal})` : code === 0 ? '' : ` (exit code ${code})`}.`);
  process.exit(code ?? (signal ? 1 : 0));
});
