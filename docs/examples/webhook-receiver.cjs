// A receiver of ICC's outgoing webhooks (docs/webhooks-out.md), in plain Node 20 with no dependencies.
//
//   ICC_WEBHOOK_SECRET=whsec_… PORT=4000 node docs/examples/webhook-receiver.cjs
//
// It verifies each delivery's signature and freshness, answers 2xx only once the event is handled,
// ignores a delivery id it already handled (deliveries are at-least-once), and prints each event as
// one JSON line. apps/gateway/src/__tests__/webhooks-out-receiver-example.test.ts runs this file
// against real deliveries.
'use strict';
const { createHmac, timingSafeEqual } = require('node:crypto');
const { createServer } = require('node:http');

const SECRET = process.env.ICC_WEBHOOK_SECRET;
const TOLERANCE_SECONDS = 300;
if (!SECRET) throw new Error('Set ICC_WEBHOOK_SECRET to the secret shown when the subscription was created');

/** True when `X-ICC-Signature` holds v1=<hex HMAC-SHA256 of "<X-ICC-Timestamp>.<raw body>"> and the timestamp is recent. */
function verify(timestamp, signatureHeader, rawBody) {
  if (!/^\d{1,16}$/.test(timestamp ?? '') || !signatureHeader) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from('v1=' + createHmac('sha256', SECRET).update(`${timestamp}.${rawBody}`).digest('hex'));
  // Several signatures may be sent, comma-separated, while a secret rotates.
  return signatureHeader
    .split(/[\s,]+/)
    .map((candidate) => Buffer.from(candidate))
    .some((candidate) => candidate.length === expected.length && timingSafeEqual(candidate, expected));
}

const handled = new Set();

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    const rawBody = Buffer.concat(chunks).toString('utf8'); // verify the bytes as received, never re-serialized JSON
    if (req.method !== 'POST' || !verify(req.headers['x-icc-timestamp'], req.headers['x-icc-signature'], rawBody)) {
      res.writeHead(401).end();
      return;
    }
    const deliveryId = req.headers['x-icc-delivery-id'];
    if (!handled.has(deliveryId)) {
      handled.add(deliveryId);
      const event = JSON.parse(rawBody);
      process.stdout.write(JSON.stringify({ received: event }) + '\n');
    }
    res.writeHead(204).end();
  });
});

server.listen(Number(process.env.PORT ?? 4000), '127.0.0.1', () => {
  process.stdout.write(JSON.stringify({ listening: `http://127.0.0.1:${server.address().port}` }) + '\n');
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
