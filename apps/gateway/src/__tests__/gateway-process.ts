import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { childAuditSettings } from './openapi-audit/child-responses';

export const REPO_ROOT = join(__dirname, '../../../..');

export interface GatewayProcess {
  child: ChildProcess;
  url: string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

/**
 * Runs `apps/gateway/src/main.ts` through tsx's loader in one node process (the `tsx` CLI would
 * put a wrapper process in between, and SIGKILL must hit the gateway itself). Resolves once the
 * gateway logged its URL.
 */
export function spawnGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const audit = childAuditSettings();
  const child = spawn(process.execPath, [...audit.nodeFlags, '--import', 'tsx', join(REPO_ROOT, 'apps/gateway/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'info',
      TSX_TSCONFIG_PATH: join(REPO_ROOT, 'apps/gateway/tsconfig.json'),
      ...audit.env,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => reject(new Error(`gateway exited (${code ?? signal}) before listening:\n${output}`)));
  });
  return url.then((resolved) => ({ child, url: resolved, exited, output: () => output }));
}
