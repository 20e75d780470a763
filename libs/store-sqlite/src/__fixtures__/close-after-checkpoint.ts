/**
 * Child process of the checkpoint test: appends until the checkpoint thread has run, closes the
 * store, then prints `closed`. A close that left the process nothing to wait on (the thread is
 * unref'd) would end it before the line. Usage: tsx close-after-checkpoint.ts <dataDir>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fixtureCreated } from '@icc/core/testing';
import { createSqliteEventStore } from '../sqlite-event-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: close-after-checkpoint.ts <dataDir>');

async function main(): Promise<void> {
  const store = createSqliteEventStore({ dataDir });
  for (let callback = 1; store.stats().checkpoints === 0; callback += 1) {
    await store.append([fixtureCreated(callback)]);
    await sleep(20);
  }
  await store.close();
  process.stdout.write('closed\n');
}

void main();
