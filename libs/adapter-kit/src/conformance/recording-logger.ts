import type { Logger } from '@icc/core';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  object: object;
  message?: string;
}

/** A `Logger` that keeps what it was told, so scenarios can check that a problem was reported. */
export interface RecordingLogger extends Logger {
  readonly entries: readonly LogEntry[];
}

export function createRecordingLogger(): RecordingLogger {
  const entries: LogEntry[] = [];
  const record = (level: LogLevel) => (object: object, message?: string) => {
    entries.push(message === undefined ? { level, object } : { level, object, message });
  };
  return { entries, debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error') };
}
