import { execFileSync } from 'node:child_process';

/**
 * How many files (sockets) a child of this process may open: the soft limit it inherits (Node
 * raises its own soft limit to the hard one at start, so this is usually the hard limit).
 */
export function openFileLimit(): number {
  const text = execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim();
  return text === 'unlimited' ? Number.POSITIVE_INFINITY : Number(text);
}

/** Throws a clear message instead of an EMFILE halfway through connecting. */
export function requireOpenFiles(needed: number, why: string): void {
  const limit = openFileLimit();
  if (!(limit >= needed)) throw new Error(`${why} needs ${needed.toLocaleString('en-US')} open files per process, the limit is ${limit}: raise it (ulimit -n ${needed}, or the hard limit with ulimit -Hn) and run again`);
}
