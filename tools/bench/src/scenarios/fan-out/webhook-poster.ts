import { createHmac } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { NewIccEvent } from '@icc/protocol';
import { BENCH_PUSH_VENDOR } from './bench-push-adapter';

export interface WebhookPoster {
  /** POSTs one signed delivery; resolves once the gateway answered 200 (events durable and published). */
  post(events: readonly NewIccEvent[]): Promise<void>;
  /** Deliveries that were refused, with the first answer, so a broken path never looks fast. */
  failures(): { count: number; first?: string };
  close(): void;
}

/** Signs like a push vendor: `v1=` HMAC-SHA256 of "<unix seconds>.<raw body>", a unique delivery id. */
export function createWebhookPoster(baseUrl: string, secret: string): WebhookPoster {
  const url = new URL(`/v1/vendors/${BENCH_PUSH_VENDOR}/events`, baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  let deliveries = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  return {
    post(events) {
      const body = JSON.stringify({ events });
      const timestamp = Math.floor(Date.now() / 1000);
      const signature = 'v1=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
      return new Promise<void>((resolve) => {
        const outgoing = request(
          url,
          {
            method: 'POST',
            agent,
            headers: {
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
              'x-icc-timestamp': String(timestamp),
              'x-icc-signature': signature,
              'x-icc-delivery-id': `bench-${process.pid}-${++deliveries}`,
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              if (response.statusCode !== 200) {
                failed++;
                firstFailure ??= `${response.statusCode}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`;
              }
              resolve();
            });
          },
        );
        outgoing.on('error', (error) => {
          failed++;
          firstFailure ??= error.message;
          resolve();
        });
        outgoing.end(body);
      });
    },
    failures: () => ({ count: failed, ...(firstFailure === undefined ? {} : { first: firstFailure }) }),
    close: () => agent.destroy(),
  };
}
