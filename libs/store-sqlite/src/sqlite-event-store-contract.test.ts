import { describeEventStoreContract } from '@icc/core/testing';
import { createSqliteEventStore } from './sqlite-event-store';
import { createTemporaryDataDirs } from './temporary-data-dirs';

const dataDirs = createTemporaryDataDirs();
afterAll(() => dataDirs.removeAll());

describeEventStoreContract('sqlite', () => createSqliteEventStore({ dataDir: dataDirs.create() }));
describeEventStoreContract('sqlite, 5 ms group commit, tiny cache', () =>
  createSqliteEventStore({ dataDir: dataDirs.create(), groupCommitMs: 5, cacheSize: 2 }),
);
