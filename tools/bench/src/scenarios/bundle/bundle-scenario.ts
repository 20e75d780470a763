import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchScenario, ScenarioContext } from '../bench-scenario';
import { buildHelloBaseline } from './build-hello-baseline';
import { measureInitialRoute } from './measure-initial-route';

const NAME = '7 bundle';
const WORKSPACE_DIST = 'dist/apps/workspace';

/** Builds the workspace the way its project does; a smoke run never pays for a build (tens of seconds). */
function ensureWorkspaceBuild(context: ScenarioContext): string | undefined {
  const siteDir = join(context.repoRoot, WORKSPACE_DIST);
  const built = existsSync(join(siteDir, 'index.html'));
  if (built && !context.rebuildWorkspace) return siteDir;
  if (!existsSync(join(context.repoRoot, 'apps/workspace/vite.config.mts'))) return undefined;
  if (context.quick && !built) return undefined;
  context.log(`bundle: building the workspace (vite build → ${WORKSPACE_DIST})`);
  const result = spawnSync('npx', ['vite', 'build', '--config', 'apps/workspace/vite.config.mts'], { cwd: context.repoRoot, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) throw new Error(`vite build failed (${result.status ?? result.signal}): ${(result.stderr || result.stdout).slice(-1500)}`);
  return siteDir;
}

export const bundleScenario: BenchScenario = {
  id: 'bundle',
  title: 'Workspace bundle: gzip size of the initial route vs a minimal React app',
  async run(context) {
    const baseline = measureInitialRoute(await buildHelloBaseline(context.tempDir('hello')));
    const siteDir = ensureWorkspaceBuild(context);
    if (!siteDir) {
      return { rows: [], details: { baseline }, skipped: `no ${WORKSPACE_DIST} to measure (a --quick run does not build it; run without --quick)` };
    }
    const ours = measureInitialRoute(siteDir);
    return {
      rows: [{ scenario: NAME, metric: 'initial route, gzip', unit: 'KB', ours: ours.gzipKb, baseline: baseline.gzipKb, target: { max: 250 } }],
      details: { builtAt: statSync(join(siteDir, 'index.html')).mtime.toISOString(), ours, baseline },
    };
  },
};
