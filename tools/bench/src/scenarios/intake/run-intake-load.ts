import autocannon = require('autocannon');
import { intakeRequestBody, nextCaller } from './intake-request';

export interface IntakeLoad {
  connections: number;
  seconds: number;
}

export interface IntakeResult {
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  created: number;
  /** Anything but 201, plus socket errors and timeouts: must be zero for the rate to count. */
  failures: number;
  statusCodes: Record<string, number>;
}

let runs = 0;

/** `POST /v1/callbacks` with a fresh `Idempotency-Key` and caller number on every request, from `connections` keep-alive sockets. */
export async function runIntakeLoad(baseUrl: string, load: IntakeLoad): Promise<IntakeResult> {
  const run = `${process.pid}-${++runs}-${Date.now()}`;
  let sent = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: load.connections,
    duration: load.seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/v1/callbacks',
        headers: { 'content-type': 'application/json' },
        body: intakeRequestBody(),
        setupRequest: (request) => {
          sent += 1;
          return { ...request, body: intakeRequestBody(nextCaller()), headers: { ...request.headers, 'idempotency-key': `bench-${run}-${sent}` } };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  const created = statusCodes['201'] ?? 0;
  const answered = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
  return {
    requestsPerSecond: created / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    latencyMaxMs: result.latency.max,
    created,
    failures: answered - created + result.errors + result.timeouts,
    statusCodes,
  };
}
