import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';
import { TEST_POSTGRES_URL_VARIABLE } from './test-databases';

/** Jest globalSetup: one throwaway cluster per Jest run; test files reach it through the environment. */
export default async function startTestPostgres(): Promise<void> {
  const server = await startThrowawayPostgres();
  (globalThis as { __iccTestPostgres?: ThrowawayPostgres }).__iccTestPostgres = server;
  process.env[TEST_POSTGRES_URL_VARIABLE] = server.url();
}
