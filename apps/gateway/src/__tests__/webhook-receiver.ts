import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboundEvent } from '@icc/protocol';

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders;
  rawBody: string;
  event: OutboundEvent;
  /** What the receiver answered. */
  status: number;
}

export interface RecordingReceiver {
  url: string;
  /** Every request, in arrival order, with the answer it got. */
  requests: ReceivedDelivery[];
  /** Those answered 2xx. */
  accepted(): ReceivedDelivery[];
  /** Answer the next requests with this (a status per request number, from 0). */
  respondWith(status: (requestIndex: number) => number): void;
  /** Resolves once `predicate` holds for the requests so far (polls; fails after `timeoutMs`). */
  waitFor(predicate: (receiver: RecordingReceiver) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** An HTTP subscriber on 127.0.0.1, port 0, that records what ICC delivers to it. */
export async function startRecordingReceiver(): Promise<RecordingReceiver> {
  let statusOf: (requestIndex: number) => number = () => 204;
  const requests: ReceivedDelivery[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const status = statusOf(requests.length);
      requests.push({ headers: req.headers, rawBody, event: JSON.parse(rawBody) as OutboundEvent, status });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const receiver: RecordingReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    requests,
    accepted: () => requests.filter((request) => request.status >= 200 && request.status < 300),
    respondWith(status) {
      statusOf = status;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(receiver)) {
        if (Date.now() > deadline) throw new Error(`receiver: condition not met in ${timeoutMs} ms; got ${JSON.stringify(requests.map((r) => [r.event.type, r.event.seq, r.status]))}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return receiver;
}
