import { join } from 'node:path';

export const BENCH_ROOT = join(__dirname, '../..');
export const REPO_ROOT = join(BENCH_ROOT, '../..');

/** Entries of child processes, by path (they run in fresh processes, not imported). */
export const benchEntry = (relativeToSrc: string) => join(BENCH_ROOT, 'src', relativeToSrc);
