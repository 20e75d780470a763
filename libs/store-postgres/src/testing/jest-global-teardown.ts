import type { ThrowawayPostgres } from './throwaway-postgres';

/** Jest globalTeardown: stops the run's cluster and removes its directory. */
export default function stopTestPostgres(): void {
  const holder = globalThis as { __iccTestPostgres?: ThrowawayPostgres };
  holder.__iccTestPostgres?.stop();
  holder.__iccTestPostgres = undefined;
}
