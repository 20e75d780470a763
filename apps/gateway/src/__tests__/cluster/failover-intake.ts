import type { CreateCallbackRequestInput } from '@icc/protocol';
import { callbackBody } from '../reliability/reliability-fixtures';

/** Queues that call around the clock (the manual agent-first one warns outside calling hours). */
const QUEUES = ['callbacks-cf', 'callbacks-auto'];
const RETRY_AFTER_MS = 150;
/** A request still unanswered after this long is given up and reported. */
const GIVE_UP_AFTER_MS = 60_000;

export interface IntakeTally {
  /** Idempotency key → callback id, for every request answered 2xx. */
  acknowledged: Map<string, string>;
  /** When each 2xx came back (epoch ms), with when its request was first sent. */
  answers: Array<{ sentAt: number; answeredAt: number }>;
  byStatus: Record<string, number>;
  /** Requests sent again (same key) after a 5xx or no answer. */
  retries: number;
  /** 4xx answers: each is a problem (the requests are valid). */
  refusals: string[];
  /** 5xx answers other than 503 (retried all the same). */
  serverErrors: string[];
  gaveUp: number;
}

/**
 * Callback intake spread over every running gateway, the way a client behind a load balancer
 * retries: each request keeps its idempotency key and goes to the next gateway after a 5xx or a
 * lost connection, until it is answered 2xx. Only what came back 2xx counts as acknowledged.
 */
export function startFailoverIntake(options: { urlOf: (turn: number) => string; ratePerSecond: number }) {
  const tally: IntakeTally = { acknowledged: new Map(), answers: [], byStatus: {}, retries: 0, refusals: [], serverErrors: [], gaveUp: 0 };
  const inFlight = new Set<Promise<void>>();
  let turn = 0;
  let next = 0;
  let stopped = false;

  async function send(key: string, body: CreateCallbackRequestInput): Promise<string | undefined> {
    const sentAt = Date.now();
    for (let attempt = 0; Date.now() - sentAt < GIVE_UP_AFTER_MS; attempt++) {
      if (attempt > 0) {
        tally.retries += 1;
        await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_MS));
      }
      let status: number;
      let text: string;
      try {
        const response = await fetch(`${options.urlOf(turn++)}/v1/callbacks`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        status = response.status;
        text = await response.text();
      } catch {
        tally.byStatus['no answer'] = (tally.byStatus['no answer'] ?? 0) + 1;
        continue;
      }
      tally.byStatus[String(status)] = (tally.byStatus[String(status)] ?? 0) + 1;
      if (status < 300) {
        const id = (JSON.parse(text) as { id: string }).id;
        tally.acknowledged.set(key, id);
        tally.answers.push({ sentAt, answeredAt: Date.now() });
        return id;
      }
      if (status < 500) {
        tally.refusals.push(`${key} → ${status} ${text.slice(0, 200)}`);
        return undefined;
      }
      // 503 is the documented answer while no owner is live (or the store is down); any other 5xx is retried too, and reported.
      if (status !== 503) tally.serverErrors.push(`${key} → ${status} ${text.slice(0, 200)}`);
    }
    tally.gaveUp += 1;
    return undefined;
  }

  const track = (sending: Promise<string | undefined>) => {
    const done = sending.then(() => undefined);
    inFlight.add(done);
    void done.finally(() => inFlight.delete(done));
    return sending;
  };
  const intake = (overrides: Partial<CreateCallbackRequestInput> = {}) => {
    const index = next++;
    return track(send(`failover-${index}`, callbackBody(index, { queueId: QUEUES[index % QUEUES.length] as string, ...overrides })));
  };

  const loop = (async () => {
    const startedAt = performance.now();
    const intervalMs = 1000 / options.ratePerSecond;
    for (let issued = 0; !stopped; issued++) {
      void intake();
      const wait = startedAt + (issued + 1) * intervalMs - performance.now();
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)));
    }
  })();

  return {
    tally,
    /** A callback scheduled at `start` (epoch ms); resolves with its id once acknowledged. */
    schedule: (start: number) => intake({ schedule: { type: 'scheduled', start: new Date(start).toISOString() } }),
    /** Stops issuing and waits for every request in flight to be answered (or given up). */
    async stop() {
      stopped = true;
      await loop;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}
