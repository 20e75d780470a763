import path from 'node:path';
import { fixtureCreated, fixtureEvent } from '@icc/core/testing';
import { createSqliteEventStore, type SqliteEventStore } from './sqlite-event-store';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
let store: SqliteEventStore;
beforeEach(() => {
  store = createSqliteEventStore({ dataDir: dataDirs.create() });
});
afterEach(async () => {
  await store.close();
});
afterAll(() => dataDirs.removeAll());

describe('batched projection writes', () => {
  it('writes the rows of a whole group commit in a few multi-row statements', async () => {
    const appends = Array.from({ length: 64 }, (_, index) => [fixtureCreated(index + 1), fixtureEvent('interaction.offered', index + 1, { agentId: 'agent-ada' })]);
    const runsBefore = store.stats().rowStatementRuns;
    await Promise.all(appends.map((events) => store.append(events)));
    expect(store.stats().commits).toBe(1);
    // 128 events (2 runs of 64), 64 interactions, 64 callbacks, the queue's totals once, and the open-callback index
    // (the 64 callbacks out of its two tables, their 128 numbers in: 4 runs): one statement per row would be 513.
    expect(store.stats().rowStatementRuns - runsBefore).toBe(9);
    expect(store.openCallbacksWithNumbers('q-support', ['+14155552671'])).toHaveLength(64);
    expect(store.readAfter(0, 1000)).toHaveLength(128);
    expect(store.openInteractions().map((interaction) => interaction.state)).toEqual(Array(64).fill('offered'));
  });

  it('when a row breaks a constraint, rejects only the append it belongs to and keeps the log gapless', async () => {
    store.database.exec(`CREATE TRIGGER refuse_poison BEFORE INSERT ON callbacks WHEN NEW.search_text LIKE '%poison%'
      BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`);
    const outcomes = await Promise.allSettled([
      store.append([fixtureCreated(1)]),
      store.append([fixtureCreated(2, { shortDescription: 'poison pill' })]),
      store.append([fixtureCreated(3), fixtureEvent('interaction.offered', 3, { agentId: 'agent-ada' })]),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[1]).toMatchObject({ reason: { message: 'poisoned row' } });
    expect(store.stats().commits).toBe(1);
    expect(store.readAfter(0, 10).map((event) => [event.seq, event.type])).toEqual([
      [1, 'interaction.created'],
      [2, 'interaction.created'],
      [3, 'interaction.offered'],
    ]);
    expect(store.headSeq()).toBe(3);
    expect(store.getCallback('cb-2')).toBeUndefined();
    expect(store.openInteractions()).toHaveLength(2);
    // The store goes on batching afterwards.
    await store.append([fixtureEvent('interaction.accepted', 3, { agentId: 'agent-ada' })]);
    expect(store.headSeq()).toBe(4);
  });

  it('folds each append of a group on the ones before it, before any of their rows is written', async () => {
    await Promise.all([
      store.append([fixtureCreated(1, { idempotencyKey: 'k-1', requestHash: 'h-1' })]),
      store.append([fixtureEvent('interaction.offered', 1, { agentId: 'agent-ada' })]),
      store.append([fixtureEvent('interaction.accepted', 1, { agentId: 'agent-ada' })]),
    ]);
    const reopened = createSqliteEventStore({ dataDir: path.dirname(store.filePath) });
    try {
      expect(reopened.openInteractions().map((interaction) => [interaction.state, interaction.agentId, interaction.seq])).toEqual([['previewing', 'agent-ada', 3]]);
      // The request hash of the creating append survives the later rows of the same callback in the group.
      expect(reopened.findCallbackByIdempotencyKey('k-1')).toMatchObject({ requestHash: 'h-1' });
    } finally {
      await reopened.close();
    }
  });
});
