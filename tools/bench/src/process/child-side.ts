import { isChildMessage, type ChildMessage } from './child-message';

/** Sends a message to the harness (no-op when run by hand without an IPC channel). */
export function tellParent(message: ChildMessage): void {
  process.send?.(message);
}

export function reportFailure(error: unknown): void {
  const failure = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  tellParent({ type: 'error', ...failure });
}

/** Calls `handler` for every message of `type` from the harness. */
export function onParentMessage<T extends ChildMessage>(type: string, handler: (message: T) => void): void {
  process.on('message', (message: unknown) => {
    if (isChildMessage(message) && message.type === type) handler(message as T);
  });
}

/** The first message of `type`: how a child receives its input (too big for argv). */
export function nextParentMessage<T extends ChildMessage>(type: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if (!isChildMessage(message) || message.type !== type) return;
      process.off('message', listener);
      resolve(message as T);
    };
    process.on('message', listener);
  });
}

/**
 * On `stop`: run `shutdown`, then exit through `process.exit` so `--cpu-prof` writes its
 * profile (a signal would lose it). Also exits when the harness dies, so no child outlives it.
 */
export function exitOnStop(shutdown: () => Promise<unknown> | unknown = () => undefined): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    Promise.resolve()
      .then(shutdown)
      .catch(reportFailure)
      .finally(() => process.exit(0));
  };
  onParentMessage('stop', stop);
  process.on('disconnect', stop);
}

/** Memory of a child after a full collection (`--expose-gc`; without it the figures include garbage). */
export interface ChildMemory extends ChildMessage {
  type: 'memory';
  rss: number;
  heapUsed: number;
  external: number;
  collected: boolean;
}

/** Answers every `memory` message with this process's memory after a full GC. */
export function answerMemoryQueries(): void {
  onParentMessage('memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    const usage = process.memoryUsage();
    tellParent({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external, collected: gc !== undefined } satisfies ChildMemory);
  });
}

/** Milliseconds each sync of a gateway's log took, since the last `log-syncs-start`, and the log file's size now. */
export interface LogSyncs extends ChildMessage {
  type: 'log-syncs';
  durations: number[];
  logBytes: number;
}

/**
 * In a child running a gateway on SQLite: keeps how long each sync of the store's log took (the
 * `fdatasync` every acknowledgement waits for), from each `log-syncs-start` on; answers `log-syncs`
 * with them and the size of the log file.
 */
export function answerLogSyncQueries(store: { logFileBytes(): number; onLogSynced(listener: (seconds: number) => void): unknown }): void {
  let durations: number[] = [];
  store.onLogSynced((seconds) => durations.push(seconds * 1000));
  onParentMessage('log-syncs-start', () => {
    durations = [];
  });
  onParentMessage('log-syncs', () => tellParent({ type: 'log-syncs', durations, logBytes: store.logFileBytes() } satisfies LogSyncs));
}
