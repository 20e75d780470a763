import { describeEventStoreContract } from '@icc/core/testing';
import { openPostgresEventStore } from './postgres-event-store';
import { useTestDatabases } from './testing/test-databases';

const databases = useTestDatabases();

describeEventStoreContract('postgres', async () => openPostgresEventStore({ url: await databases.create(), poolSize: 4 }));
