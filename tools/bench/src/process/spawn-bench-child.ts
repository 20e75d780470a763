import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isChildMessage, type ChildFailure, type ChildMessage } from './child-message';
import { BENCH_ROOT, REPO_ROOT } from './paths';

export interface BenchChild {
  readonly process: ChildProcess;
  /** The next message of `type`; rejects when the child reports an error or exits first, or after `timeoutMs`. */
  next<T extends ChildMessage>(type: string, timeoutMs?: number): Promise<T>;
  send(message: ChildMessage): void;
  /** Asks the child to stop (so profiles get written), then signals it if it does not exit in time. */
  stop(): Promise<void>;
}

export interface BenchChildOptions {
  /** Names the child in errors and in the CPU profile file name. */
  role: string;
  /** A bundle from `childEntry`, or any `.js` program; `.ts` entries run through tsx (slower to start). */
  entry: string;
  args?: string[];
  execArgv?: string[];
  env?: Record<string, string>;
  /** `message` (default): our children exit on a `stop` message; `signal`: SIGTERM, for programs that are not ours. */
  stopWith?: 'message' | 'signal';
}

const STDERR_TAIL_BYTES = 4000;

/**
 * `BENCH_CPU_PROF=1`: every child writes its profiles to `tools/bench/.cache/profiles/<role>/`
 * when it stops (one per thread; the largest is the main thread, the small one tsx's loader).
 */
export function profilingArgs(role: string): string[] {
  if (!process.env['BENCH_CPU_PROF']) return [];
  const directory = join(BENCH_ROOT, '.cache/profiles', role);
  mkdirSync(directory, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${directory}`];
}

export function spawnBenchChild(options: BenchChildOptions): BenchChild {
  const loader = options.entry.endsWith('.ts') ? ['--import', 'tsx'] : ['--enable-source-maps'];
  const child = spawn(process.execPath, [...profilingArgs(options.role), ...(options.execArgv ?? []), ...loader, options.entry, ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(BENCH_ROOT, 'tsconfig.json'), ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString()).slice(-STDERR_TAIL_BYTES);
  });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(`${options.role} exited (${code ?? signal})${stderrTail ? `:\n${stderrTail}` : ''}`)),
  );

  return {
    process: child,
    next<T extends ChildMessage>(type: string, timeoutMs = 120_000) {
      return new Promise<T>((resolve, reject) => {
        const finish = (settle: () => void) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          settle();
        };
        const onMessage = (message: unknown) => {
          if (!isChildMessage(message)) return;
          if (message.type === 'error') {
            const failure = message as ChildFailure;
            finish(() => reject(new Error(`${options.role}: ${failure.message}${failure.stack ? `\n${failure.stack}` : ''}`)));
          } else if (message.type === type) finish(() => resolve(message as T));
        };
        const timer = setTimeout(() => finish(() => reject(new Error(`${options.role}: no "${type}" within ${timeoutMs} ms`))), timeoutMs);
        child.on('message', onMessage);
        void exited.then((why) => finish(() => reject(new Error(why))));
      });
    },
    send(message) {
      if (child.connected) child.send(message);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const done = exited.then(() => undefined);
      if (options.stopWith === 'signal') child.kill('SIGTERM');
      else if (child.connected) child.send({ type: 'stop' });
      const term = setTimeout(() => child.kill('SIGTERM'), 15_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await done;
      clearTimeout(term);
      clearTimeout(kill);
    },
  };
}
