import { demoCallbackRequest } from '../../composition/demo-traffic';
import type { SeededRandom } from './seeded-random';

export interface TrafficTally {
  sent: number;
  answered: number;
  /** Requests due but not sent because 400 were still in flight (the gateway fell behind). */
  shed: number;
  byStatus: Record<string, number>;
  serverErrors: string[];
  networkErrors: number;
}

interface TrafficOptions {
  url: string;
  random: SeededRandom;
  requestsPerSecond: number;
  agentTokens: readonly string[];
  supervisorToken: string;
  /** The fake domain clock is not used: demo requests are stamped with real time. */
  now: () => number;
}

const MAX_IN_FLIGHT = 400;

/**
 * Demo-like HTTP traffic at a fixed rate (open loop: requests leave on schedule whether or not
 * earlier ones were answered): public intake of realistic callbacks, agents polling their
 * interactions and callbacks, supervisors reading queue statistics, customers asking for their
 * queue position.
 */
export function startLoadTraffic(options: TrafficOptions) {
  const tally: TrafficTally = { sent: 0, answered: 0, shed: 0, byStatus: {}, serverErrors: [], networkErrors: 0 };
  const callbackIds: string[] = [];
  const interactionIds: string[] = [];
  const inFlight = new Set<Promise<void>>();
  const { random } = options;
  let key = 0;
  let stopped = false;

  const agentToken = () => random.pick(options.agentTokens);
  const recent = (ids: string[]) => ids[ids.length - 1 - random.int(0, Math.min(ids.length - 1, 50))];

  function nextRequest(): { method: string; path: string; token?: string; body?: unknown; key?: string } {
    const roll = random.next();
    if (roll < 0.05) return { method: 'POST', path: '/v1/callbacks', body: demoCallbackRequest(options.now(), () => random.next()), key: `load-${key++}` };
    if (roll < 0.35) return { method: 'GET', path: '/v1/interactions?open=true', token: agentToken() };
    if (roll < 0.5) return { method: 'GET', path: '/v1/callbacks?limit=20', token: agentToken() };
    if (roll < 0.6) return { method: 'GET', path: '/v1/queues/stats', token: options.supervisorToken };
    if (roll < 0.7 && callbackIds.length > 0) return { method: 'GET', path: `/v1/callbacks/${recent(callbackIds)}/position`, token: agentToken() };
    if (roll < 0.8 && interactionIds.length > 0) return { method: 'GET', path: `/v1/interactions/${recent(interactionIds)}`, token: options.supervisorToken };
    if (roll < 0.9) return { method: 'GET', path: '/v1/me', token: agentToken() };
    return { method: 'GET', path: '/v1/agents', token: agentToken() };
  }

  async function send(request: ReturnType<typeof nextRequest>): Promise<void> {
    tally.sent += 1;
    const headers: Record<string, string> = {};
    if (request.token) headers['authorization'] = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (request.key) headers['idempotency-key'] = request.key;
    try {
      const response = await fetch(options.url + request.path, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      const text = await response.text();
      tally.answered += 1;
      const bucket = String(response.status);
      tally.byStatus[bucket] = (tally.byStatus[bucket] ?? 0) + 1;
      if (response.status >= 500) tally.serverErrors.push(`${request.method} ${request.path} → ${response.status} ${text.slice(0, 200)}`);
      if (response.status === 201) {
        const created = JSON.parse(text) as { id: string; interactionId: string };
        callbackIds.push(created.id);
        interactionIds.push(created.interactionId);
      }
    } catch {
      tally.networkErrors += 1;
    }
  }

  const startedAt = performance.now();
  const intervalMs = 1000 / options.requestsPerSecond;
  let issued = 0;
  const loop = (async () => {
    while (!stopped) {
      // Open loop: everything due by now leaves now, even after a stall of the test process.
      const due = Math.floor((performance.now() - startedAt) / intervalMs) + 1;
      for (; issued < due; issued++) {
        if (inFlight.size >= MAX_IN_FLIGHT) {
          tally.shed += 1;
          continue;
        }
        const request = send(nextRequest());
        inFlight.add(request);
        void request.finally(() => inFlight.delete(request));
      }
      const wait = startedAt + issued * intervalMs - performance.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
    }
  })();

  return {
    tally,
    /** Stops issuing and waits for what is in flight. */
    async stop(): Promise<void> {
      stopped = true;
      await loop;
      await Promise.allSettled([...inFlight]);
    },
    elapsedSeconds: () => (performance.now() - startedAt) / 1000,
  };
}
