import { signWebhookPayload } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';

/** A signed webhook request, as the relay (EventBridge API destination / Kinesis consumer) sends it. */
export interface WebhookDelivery {
  headers: Record<string, string>;
  rawBody: string;
}

/** Where the simulator pushes events: a function (in-process) or an HTTP endpoint. */
export type WebhookTarget = { deliver(delivery: WebhookDelivery): Promise<unknown> } | { url: string };

export interface EventDeliveryOptions {
  clock: Clock;
  secret: string;
  target?: WebhookTarget;
  onFailure?: (error: unknown, delivery: WebhookDelivery) => void;
}

/**
 * Pushes events one at a time, signed like the gateway expects (`X-ICC-Signature: v1=<hex>`),
 * with the faults a best-effort, at-least-once channel shows: duplicates, reordering, loss, delay.
 */
export interface EventDelivery {
  publish(event: Record<string, unknown>): void;
  /** Pushes a body as is (no JSON encoding): for payloads the vendor schema does not allow. */
  publishRaw(rawBody: string): void;
  setTarget(target: WebhookTarget | undefined): void;
  duplicateNext(count?: number): void;
  reorderNext(count: number): void;
  dropNext(count: number, matching?: (event: Record<string, unknown>) => boolean): void;
  delayNext(count: number, seconds: number): void;
  /** Deliveries not yet answered (queued, delayed, in flight, or held back for reordering). */
  pending(): number;
  /** Every body delivered, oldest first. */
  readonly delivered: readonly string[];
  close(): void;
}

export function createEventDelivery(options: EventDeliveryOptions): EventDelivery {
  let target = options.target;
  const queue: string[] = [];
  const held: string[] = [];
  const delayed = new Set<() => void>();
  const delivered: string[] = [];
  let reorderRemaining = 0;
  let duplicates = 0;
  let drops: Array<(event: Record<string, unknown>) => boolean> = [];
  let delays: number[] = [];
  let inFlight = 0;
  let sequence = 0;
  let closed = false;

  const send = async (rawBody: string) => {
    sequence += 1;
    // Signed at transport time (the real clock), as a relay does: the adapter checks freshness against it.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'content-type': 'application/json',
      'x-icc-timestamp': timestamp,
      'x-icc-signature': signWebhookPayload({ secret: options.secret, timestamp, rawBody, signaturePrefix: 'v1=' }),
      'x-icc-delivery-id': `amazon-connect-sim-${sequence}`,
    };
    const delivery = { headers, rawBody };
    if (!target) return;
    try {
      if ('deliver' in target) await target.deliver(delivery);
      else {
        const response = await fetch(target.url, { method: 'POST', headers, body: rawBody });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`webhook answered HTTP ${response.status}`);
      }
      delivered.push(rawBody);
    } catch (error) {
      options.onFailure?.(error, delivery);
    }
  };

  const pump = async () => {
    if (inFlight > 0) return;
    while (queue.length > 0 && !closed) {
      const rawBody = queue.shift() as string;
      inFlight += 1;
      try {
        await send(rawBody);
      } finally {
        inFlight -= 1;
      }
    }
  };

  const enqueue = (rawBody: string) => {
    queue.push(rawBody);
    // Deliveries start on a later turn, as a relay would: the API call that caused them answers first.
    setImmediate(() => void pump());
  };

  const route = (rawBody: string) => {
    const delay = delays.shift();
    if (delay !== undefined) {
      const cancel = options.clock.setTimer(options.clock.now() + delay * 1000, () => {
        delayed.delete(cancel);
        enqueue(rawBody);
      });
      delayed.add(cancel);
      return;
    }
    if (reorderRemaining > 0) {
      held.push(rawBody);
      reorderRemaining -= 1;
      if (reorderRemaining === 0) for (const body of held.splice(0).reverse()) enqueue(body);
      return;
    }
    enqueue(rawBody);
  };

  return {
    delivered,
    publish(event) {
      if (closed) return;
      const drop = drops.findIndex((matches) => matches(event));
      if (drop >= 0) {
        drops = drops.filter((_, index) => index !== drop);
        return;
      }
      const rawBody = JSON.stringify(event);
      route(rawBody);
      if (duplicates > 0) {
        duplicates -= 1;
        route(rawBody);
      }
    },
    publishRaw(rawBody) {
      if (!closed) enqueue(rawBody);
    },
    setTarget(next) {
      target = next;
    },
    duplicateNext(count = 1) {
      duplicates += count;
    },
    reorderNext(count) {
      reorderRemaining = Math.max(reorderRemaining, count);
    },
    dropNext(count, matching = () => true) {
      for (let index = 0; index < count; index++) drops.push(matching);
    },
    delayNext(count, seconds) {
      delays = [...delays, ...Array.from({ length: count }, () => seconds)];
    },
    pending: () => queue.length + held.length + delayed.size + inFlight,
    close() {
      closed = true;
      for (const cancel of delayed) cancel();
      delayed.clear();
      queue.length = 0;
      held.length = 0;
    },
  };
}
