// `npm start`: bundle the gateway, build the workspace (when that project exists), run the gateway
// with the mock vendor and the embedded store, and print the one URL to open.
//   npm start -- --demo-traffic          create realistic callbacks every few seconds
//   npm start -- --vendor <name>         another registered vendor (ICC_VENDOR)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildGateway } from '../../apps/gateway/build.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

function parseArguments(argv) {
  const env = {};
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--demo-traffic') env.ICC_DEMO_TRAFFIC = '1';
    else if (argument === '--vendor') {
      const vendor = argv[++index];
      if (!vendor) fail('--vendor needs a name, e.g. --vendor mock');
      env.ICC_VENDOR = vendor;
    } else if (argument.startsWith('--vendor=')) env.ICC_VENDOR = argument.slice('--vendor='.length);
    else fail(`unknown option ${argument}; use --demo-traffic and/or --vendor <name>`);
  }
  return env;
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}

const overrides = parseArguments(process.argv.slice(2));
const main = await buildGateway();

if (existsSync(join(root, 'apps/workspace/project.json'))) {
  console.log('Building the agent workspace…');
  const built = spawnSync('npx', ['nx', 'run', 'workspace:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (built.status !== 0) fail('the workspace build failed (see above)');
}

if (existsSync(join(root, 'apps/servicenow-openframe/project.json'))) {
  console.log('Building the ServiceNow OpenFrame app and its host-page harness…');
  const built = spawnSync('npx', ['nx', 'run', 'servicenow-openframe:build', '--outputStyle=static'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (built.status !== 0) fail('the ServiceNow OpenFrame build failed (see above)');
}

const gateway = spawn(process.execPath, ['--enable-source-maps', main], {
  cwd: root,
  env: { ...process.env, ...overrides },
  stdio: ['inherit', 'pipe', 'inherit'],
});

let announced = false;
createInterface({ input: gateway.stdout }).on('line', (line) => {
  console.log(line);
  const url = /"url":"(http[^"]+)"/.exec(line)?.[1];
  if (url && !announced) {
    announced = true;
    const workspace = existsSync(join(root, 'dist/apps/workspace/index.html')) ? '' : ' (API only: the workspace is not built)';
    const openFrame = existsSync(join(root, 'dist/apps/servicenow-openframe/index.html'))
      ? `\n  ServiceNow OpenFrame harness (local stand-in, not ServiceNow): ${url}/servicenow/harness/`
      : '';
    console.log(`\n  ICC Callbacks is running at ${url}${workspace}${openFrame}\n  Press Ctrl+C to stop.\n`);
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => gateway.kill(signal));
gateway.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
