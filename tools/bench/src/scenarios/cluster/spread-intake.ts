import { intakeRequestBody, nextCaller } from '../intake/intake-request';
import { runIntakeLoad, type IntakeLoad } from '../intake/run-intake-load';

export interface SpreadIntakeResult {
  /** Created per second, summed over the gateways. */
  requestsPerSecond: number;
  /** The worst gateway's p99 (autocannon, closed loop): what the slowest entry point's callers saw. */
  latencyP99Ms: number;
  latencyP50Ms: number;
  failures: number;
  /** Per gateway, in the order given (the owner first). */
  perGateway: Array<{ url: string; requestsPerSecond: number; latencyP50Ms: number; latencyP99Ms: number; failures: number; statusCodes: Record<string, number> }>;
}

/** `total` connections over `gateways` as evenly as they go, the first ones taking the remainder; at least one each. */
export function splitConnections(total: number, gateways: number): number[] {
  if (total < gateways) throw new Error(`${total} connections cannot reach ${gateways} gateways`);
  return Array.from({ length: gateways }, (_, index) => Math.floor(total / gateways) + (index < total % gateways ? 1 : 0));
}

/**
 * Saturated intake with the load balancer's view of a cluster: `load.connections` keep-alive
 * connections split evenly over `urls`, all gateways driven at once for the same duration.
 */
export async function runSpreadIntake(urls: readonly string[], load: IntakeLoad): Promise<SpreadIntakeResult> {
  const shares = splitConnections(load.connections, urls.length);
  const results = await Promise.all(urls.map((url, index) => runIntakeLoad(url, { connections: shares[index] as number, seconds: load.seconds })));
  const perGateway = results.map((result, index) => ({
    url: urls[index] as string,
    requestsPerSecond: result.requestsPerSecond,
    latencyP50Ms: result.latencyP50Ms,
    latencyP99Ms: result.latencyP99Ms,
    failures: result.failures,
    statusCodes: result.statusCodes,
  }));
  return {
    requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0),
    latencyP99Ms: Math.max(...results.map((result) => result.latencyP99Ms)),
    latencyP50Ms: Math.max(...results.map((result) => result.latencyP50Ms)),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
    perGateway,
  };
}

/**
 * Waits until every gateway has worked off the requests a closed-loop run left behind: autocannon
 * stops waiting at its deadline, but the server still answers what is queued (on PostgreSQL, seconds
 * of intake behind one per-queue lock). One more request per gateway queues behind them; its answer
 * means the backlog ahead of it is done, so the next phase starts on an idle cluster.
 */
export async function awaitIntakeBacklog(urls: readonly string[]): Promise<void> {
  for (const url of urls) {
    const response = await fetch(`${url}/v1/callbacks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-barrier-${process.pid}-${nextCaller()}` },
      body: intakeRequestBody(nextCaller()),
      signal: AbortSignal.timeout(120_000),
    });
    await response.arrayBuffer();
  }
}
