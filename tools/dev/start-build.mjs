// What `npm start` and `npm run start:cluster` share: bundle the gateway and build the browser apps
// into the run's own directory, and run a built gateway as a child that announces its URL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { buildGateway } from '../../apps/gateway/build.mjs';
import { copyInto, createRunOutput, withBuildLock } from './start-run-output.mjs';

export class StartBuildError extends Error {}

/** Builds a browser app with nx under the shared lock and copies it into the run's directory. */
async function buildBrowserApp(root, project, label, into) {
  if (!existsSync(join(root, `apps/${project}/project.json`))) return;
  await withBuildLock(root, () => {
    console.log(`Building ${label}…`);
    const built = spawnSync('npx', ['nx', 'run', `${project}:build`, '--outputStyle=static'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false' },
    });
    if (built.status !== 0) throw new StartBuildError(`the ${label} build failed (see above)`);
    copyInto(join(root, `dist/apps/${project}`), into);
  });
}

/**
 * A fresh run directory (removed when this process exits) with the gateway bundled into it and,
 * when `buildWorkspace`, the agent workspace and the OpenFrame app. `runEnv` points a gateway at them.
 */
export async function buildRun(root, { buildWorkspace }) {
  const run = createRunOutput(root);
  process.on('exit', run.remove);
  console.log(`Building into ${relative(root, run.dir)} (removed when this run stops)`);
  const main = await buildGateway(run.gatewayMain);
  if (buildWorkspace) {
    await buildBrowserApp(root, 'workspace', 'the agent workspace', run.workspaceDir);
    await buildBrowserApp(root, 'servicenow-openframe', 'the ServiceNow OpenFrame app and its host-page harness', run.openFrameDir);
  }
  return { run, main, runEnv: { ICC_WORKSPACE_DIR: run.workspaceDir, ICC_OPENFRAME_DIR: run.openFrameDir } };
}

/** What a gateway of this run serves besides the API, as lines for the banner. */
export function servedApps(run, url) {
  const workspace = existsSync(join(run.workspaceDir, 'index.html')) ? '' : ' (API only: the workspace is not built)';
  const openFrame = existsSync(join(run.openFrameDir, 'index.html'))
    ? `\n  ServiceNow OpenFrame harness (local stand-in, not ServiceNow): ${url}/servicenow/harness/`
    : '';
  return { workspace, openFrame };
}

/**
 * Runs the bundled gateway `main` in its own process group (a Ctrl+C in the terminal reaches only
 * the start script, which passes it on once). Each stdout line goes to `onLine`; `url` resolves with
 * the URL it logs once listening, or undefined if it ends first.
 */
export function spawnGateway({ root, main, env, onLine }) {
  const child = spawn(process.execPath, ['--enable-source-maps', main], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const url = new Promise((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      onLine(line);
      const logged = /"url":"(http[^"]+)"/.exec(line)?.[1];
      if (logged) resolve(logged);
    });
    child.once('close', () => resolve(undefined));
  });
  return { child, url };
}
