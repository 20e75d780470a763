import { Agent, request, type ClientRequest } from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarizeLatencies, type LatencySummary } from '../../report/percentile';
import { intakeRequestBody, nextCaller } from './intake-request';

export interface PacedIntake {
  requestsPerSecond: number;
  seconds: number;
  /** Keep-alive sockets the requests share; a request waits for a free one (and that wait counts). */
  connections: number;
}

export interface PacedIntakeResult {
  sent: number;
  created: number;
  failures: number;
  /** Still unanswered when the grace after the last send ran out: aborted, and counted in the latency at the time waited (a lower bound). */
  unanswered: number;
  /** From each request's scheduled send time to its answer: queueing in the client counts too (open loop). */
  latency: LatencySummary;
  achievedPerSecond: number;
}

/**
 * Open-loop intake at a fixed rate: request `n` is due at start + n / rate whatever the server's
 * pace, so a server slower than the rate shows it in the latency instead of slowing the load down.
 * A server far below the rate would take minutes to work off its backlog: after `seconds` of sending,
 * answers are awaited for as long again at most, then the rest is abandoned.
 */
export async function runPacedIntake(baseUrl: string, load: PacedIntake): Promise<PacedIntakeResult> {
  const url = new URL('/v1/callbacks', baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: load.connections });
  const total = Math.max(1, Math.round(load.requestsPerSecond * load.seconds));
  const latencies: number[] = [];
  const pending = new Map<number, { due: number; outgoing: ClientRequest }>();
  let created = 0;
  let failures = 0;
  const run = `${process.pid}-paced-${Date.now()}`;
  const post = (n: number, due: number) =>
    new Promise<void>((resolve) => {
      const body = intakeRequestBody(nextCaller());
      const outgoing = request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': `bench-${run}-${n}` } },
        (response) => {
          response.resume();
          response.on('end', () => {
            if (!pending.delete(n)) return resolve();
            latencies.push(performance.now() - due);
            if (response.statusCode === 201) created++;
            else failures++;
            resolve();
          });
        },
      );
      pending.set(n, { due, outgoing });
      outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('timeout')));
      outgoing.on('error', () => {
        if (pending.delete(n)) failures++;
        resolve();
      });
      outgoing.end(body);
    });

  const requests: Promise<void>[] = [];
  const started = performance.now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * load.requestsPerSecond) + 1);
    for (; sent < due; sent++) requests.push(post(sent, started + (sent * 1000) / load.requestsPerSecond));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(requests), new Promise((resolve) => (grace = setTimeout(resolve, load.seconds * 1000)))]);
  clearTimeout(grace);
  const seconds = (performance.now() - started) / 1000;
  const abandonedAt = performance.now();
  const unanswered = pending.size;
  const abandoned = [...pending.values()];
  pending.clear();
  // Aborted, also those still waiting for a socket: none of them may reach the server in a later phase.
  for (const { due, outgoing } of abandoned) {
    latencies.push(abandonedAt - due);
    outgoing.destroy();
  }
  agent.destroy();
  return { sent: total, created, failures, unanswered, latency: summarizeLatencies(latencies), achievedPerSecond: created / seconds };
}
