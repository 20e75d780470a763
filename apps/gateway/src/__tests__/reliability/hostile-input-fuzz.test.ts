import fc from 'fast-check';
import { exampleCustomer, PROTOCOL_VERSION } from '@icc/protocol';
import { openStream } from '../stream-client';
import { startHostileClientGateway, type HostileClientGateway } from './hostile-client-gateway';
import { reliabilitySeed } from './seeded-random';
import { soakOr } from './soak';

const SEED = reliabilitySeed('hostile-input-fuzz');
const RUNS = soakOr(50, 500);

jest.setTimeout(soakOr(180_000, 1_800_000));

/** Sets `key` as an own, enumerable property even when it is `__proto__`, so JSON carries it. */
function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Percent-encodes the UTF-8 bytes of `value` that `keep` refuses (a lone surrogate becomes U+FFFD, as on any wire). */
function percentEncode(value: string, keep: (byte: number) => boolean): string {
  return [...Buffer.from(value, 'utf8')].map((byte) => (keep(byte) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('');
}
const unreserved = (byte: number) => /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte));
/** Everything printable goes through as is, `#` (and `?` in a path) excepted: what a careless client sends. */
const printableExcept = (excluded: string) => (byte: number) => byte >= 0x21 && byte <= 0x7e && !excluded.includes(String.fromCharCode(byte));

const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted', ''),
  fc.string({ maxLength: 12 }),
);
const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, '9'.repeat(400), '+275760-09-13T00:00:00.000Z', '../../etc/passwd', '\u0000', '\ud800'),
  fc.record({ polluted: fc.constant('yes') }),
);

interface Mutation {
  path: number[];
  kind: 'replace' | 'delete' | 'add';
  key: string;
  value: unknown;
}
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
  path: fc.array(fc.nat(), { maxLength: 3 }),
  kind: fc.constantFrom('replace', 'delete', 'add'),
  key: hostileKey,
  value: hostileValue,
});

/** A valid body with one field replaced, removed or added somewhere down `path`. */
function mutate(valid: unknown, mutation: Mutation): unknown {
  const copy = JSON.parse(JSON.stringify(valid)) as unknown;
  if (typeof copy !== 'object' || copy === null) return mutation.value;
  let target = copy as Record<string, unknown>;
  for (const step of mutation.path) {
    const keys = Object.keys(target).filter((key) => typeof target[key] === 'object' && target[key] !== null);
    if (keys.length === 0) break;
    target = target[keys[step % keys.length] as string] as Record<string, unknown>;
  }
  const keys = Object.keys(target);
  const existing = keys.length === 0 ? mutation.key : (keys[(mutation.path[0] ?? 0) % keys.length] as string);
  if (mutation.kind === 'delete') delete target[existing];
  else defineOwn(target, mutation.kind === 'add' ? mutation.key : existing, mutation.value);
  return copy;
}

const bodyFor = (valid: unknown) =>
  fc.oneof(
    { weight: 3, arbitrary: mutationArbitrary.map((mutation) => JSON.stringify(mutate(valid, mutation))) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  );

describe('fuzzed REST bodies, queries, headers, paths and WebSocket frames', () => {
  let h: HostileClientGateway;
  beforeAll(async () => {
    h = await startHostileClientGateway();
  });
  afterAll(async () => {
    process.stdout.write(`[hostile-input-fuzz] seed ${SEED}: ${h.sent()} HTTP requests and ${frames} WebSocket frames tried\n`);
    await h.close();
  });
  let frames = 0;

  const future = '2026-03-11T09:00:00.000Z';
  // Ordered so that a valid body (which changes state) takes as little coverage from the next endpoints as possible.
  const endpoints = () => [
    { method: 'POST', path: `/v1/interactions/${h.fixture.interactionId}/commands`, valid: { type: 'dial', phoneNumber: '+14155552671' }, token: h.tokens.ada },
    { method: 'PATCH', path: `/v1/callbacks/${h.fixture.callbackId}`, valid: { shortDescription: 'Fuzzed', attributes: { a: 'b' } }, token: h.tokens.supervisor },
    { method: 'PUT', path: '/v1/agents/agent-grace/presence', valid: { presence: 'away' }, token: h.tokens.grace },
    { method: 'POST', path: '/v1/auth/dev-token', valid: { agentId: 'agent-ada' } },
    { method: 'PUT', path: '/v1/dev/telephony/numbers/%2B14155550142', valid: { behaviour: { kind: 'sequence', steps: [{ kind: 'busy', afterSeconds: 1 }] } } },
    { method: 'POST', path: '/v1/dev/clock/advance', valid: { milliseconds: 1 } },
    { method: 'POST', path: '/v1/vendors/pushy/events', valid: { kind: 'presence', agent: 'agent-ada', status: 'available' } },
    {
      method: 'POST',
      path: '/v1/callbacks',
      valid: { queueId: 'callbacks-af', customer: exampleCustomer(), reason: { code: 'other-issue' }, shortDescription: 'Fuzz', attributes: { crm: 'x' } },
    },
    { method: 'POST', path: `/v1/callbacks/${h.fixture.callbackId}/reschedule`, valid: { start: future }, token: h.tokens.supervisor },
    { method: 'POST', path: `/v1/callbacks/${h.fixture.callbackId}/cancel`, valid: { reason: 'fuzz' }, token: h.tokens.supervisor },
  ];

  it('never answers a body with a 5xx, never writes part of a refused one, never pollutes a prototype', async () => {
    for (const endpoint of endpoints()) {
      await fc.assert(
        fc.asyncProperty(bodyFor(endpoint.valid), fc.option(fc.stringMatching(/^[\x20-\x7e]{0,300}$/)), async (body, idempotencyKey) => {
          await h.send({
            method: endpoint.method,
            path: endpoint.path,
            headers: {
              'content-type': 'application/json',
              ...(endpoint.token ? { authorization: `Bearer ${endpoint.token}` } : {}),
              ...(idempotencyKey !== null && idempotencyKey.trim() !== '' ? { 'idempotency-key': idempotencyKey } : {}),
              ...(endpoint.path.includes('/vendors/') ? { 'x-icc-timestamp': '1773133200', 'x-icc-signature': 'v1=00', 'x-icc-delivery-id': 'd-1' } : {}),
            },
            body,
          });
        }),
        { seed: SEED, numRuns: RUNS },
      );
    }
    await h.assertHealthy();
  });

  it('never answers a query string with a 5xx', async () => {
    const pair = fc.tuple(
      fc.oneof(fc.constantFrom('queueId', 'state', 'agentId', 'search', 'limit', 'cursor', 'open', '__proto__', 'constructor[prototype][polluted]', 'a[b]'), fc.string({ maxLength: 10 })),
      fc.oneof(fc.string({ maxLength: 40, unit: 'binary' }), fc.constantFrom('1e309', '-1', '0', '9007199254740993', 'NaN', '200', 'true', 'closed', '%', '%ZZ', '%00')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/v1/callbacks', '/v1/interactions', '/v1/queues/stats', '/v1/agents'), fc.array(pair, { maxLength: 6 }), fc.boolean(), async (path, pairs, encode) => {
        const keep = encode ? unreserved : printableExcept('#');
        const query = pairs.map(([key, value]) => `${percentEncode(key, keep)}=${percentEncode(value, keep)}`).join('&');
        await h.send({ method: 'GET', path: `${path}?${query}`, headers: { authorization: `Bearer ${h.tokens.supervisor}` } });
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
    await h.assertHealthy();
  });

  it('never answers a header with a 5xx, and a bad token is always a 401', async () => {
    const printable = fc.stringMatching(/^[\x20-\x7e]{0,200}$/);
    await fc.assert(
      fc.asyncProperty(printable, printable, printable, fc.constantFrom('GET /v1/me', 'GET /v1/interactions', 'POST /v1/callbacks', 'GET /v1/queues/stats'), async (authorization, contentType, accept, route) => {
        const [method, path] = route.split(' ') as [string, string];
        const answer = await h.send({
          method,
          path,
          headers: { authorization, 'content-type': contentType, accept, 'idempotency-key': accept || 'k' },
          ...(method === 'POST' ? { body: '{}' } : {}),
        });
        if (method === 'GET') expect(answer.status).toBe(401);
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
    await h.assertHealthy();
  });

  it('never answers a path segment with a 5xx', async () => {
    const segment = fc.oneof(fc.string({ maxLength: 60, unit: 'binary' }), fc.constantFrom('..', '../..', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', '%00', '%', '%ff', 'CB0000001', '__proto__', 'constructor'));
    const routes = ['GET /v1/callbacks/$', 'PATCH /v1/callbacks/$', 'POST /v1/callbacks/$/cancel', 'GET /v1/callbacks/$/position', 'GET /v1/interactions/$', 'POST /v1/interactions/$/commands', 'PUT /v1/agents/$/presence', 'PUT /v1/dev/telephony/numbers/$', 'POST /v1/vendors/$/events', 'GET /$'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), segment, fc.boolean(), async (route, value, encode) => {
        const [method, template] = route.split(' ') as [string, string];
        const piece = percentEncode(value, encode ? unreserved : printableExcept('?#'));
        await h.send({
          method,
          path: template.replace('$', piece),
          headers: { authorization: `Bearer ${h.tokens.supervisor}`, 'content-type': 'application/json' },
          ...(method === 'GET' ? {} : { body: '{"type":"accept","presence":"away"}' }),
        });
      }),
      { seed: SEED, numRuns: RUNS * 4 },
    );
    await h.assertHealthy();
  });

  it('answers any WebSocket frame with a frame or a protocol close code, and keeps serving', async () => {
    const validFrames = [
      { type: 'hello', token: 'x', protocolVersion: PROTOCOL_VERSION, resumeFrom: 0 },
      { type: 'command', id: 'c1', command: { type: 'accept', interactionId: 'ix' } },
      { type: 'ping', at: 1 },
    ];
    const frame = fc.oneof(
      fc.constantFrom(...validFrames).chain((valid) => mutationArbitrary.map((mutation) => JSON.stringify(mutate(valid, mutation)))),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc.string({ maxLength: 100, unit: 'binary' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(frame, { minLength: 1, maxLength: 8 }), async (helloFirst, sequence) => {
        const stream = await openStream(h.t.url);
        try {
          if (helloFirst) {
            stream.hello(h.tokens.ada);
            await stream.waitFor((received) => received.type === 'snapshot');
          }
          for (const text of sequence) stream.socket.send(text);
          frames += sequence.length + (helloFirst ? 1 : 0);
          const marker = stream.frames.length;
          stream.send({ type: 'ping', at: 424242 });
          const outcome = await stream
            .waitFor((received) => received.type === 'pong' && received.at === 424242, marker)
            .then(
              () => 'answered',
              async () => `closed ${(await stream.waitForClose()).code}`,
            );
          expect(['answered', 'closed 4400', 'closed 4401']).toContain(outcome);
        } finally {
          await stream.close();
        }
      }),
      { seed: SEED, numRuns: RUNS * 2 },
    );
    await h.assertHealthy();
  });
});
