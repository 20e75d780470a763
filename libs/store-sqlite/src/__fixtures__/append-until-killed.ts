/**
 * Child process of the crash-recovery test: appends callbacks and their offers forever, several
 * appends per group commit, and prints `<seq> <interactionId>` for each event once acknowledged.
 * With a log restart length, it also prints `restart <n>` each time the log was written from its
 * start again. The test SIGKILLs it mid-stream. Usage: tsx append-until-killed.ts <dataDir> [logRestartFrames]
 */
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { createSqliteEventStore } from '../sqlite-event-store';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: append-until-killed.ts <dataDir>');
const logRestartFrames = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
const store = createSqliteEventStore({ dataDir, ...(logRestartFrames === undefined ? {} : { logRestartFrames }) });
let restartsPrinted = 0;

async function appendForever(): Promise<never> {
  for (let n = 1; ; n += 4) {
    const groups = [n, n + 1, n + 2, n + 3].map((callback) =>
      store.append([fixtureCreated(callback), fixtureEvent('interaction.offered', callback, { agentId: 'agent-ada' })]),
    );
    for (const appended of await Promise.all(groups)) {
      for (const event of appended) {
        if (event.type !== 'agent.presence-changed') process.stdout.write(`${event.seq} ${event.interactionId}\n`);
      }
    }
    const restarts = store.stats().logRestarts;
    if (restarts > restartsPrinted) process.stdout.write(`restart ${(restartsPrinted = restarts)}\n`);
  }
}

void appendForever();
