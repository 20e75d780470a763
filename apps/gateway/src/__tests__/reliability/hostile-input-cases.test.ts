import { systemClock } from '@icc/core';
import { exampleCustomer, PROTOCOL_VERSION, type Callback } from '@icc/protocol';
import { openStream, type StreamClient } from '../stream-client';
import { TEST_WEBHOOK_SECRET } from '../test-gateway';
import { signIccWebhook as signWebhook } from '@icc/adapter-kit';
import { SECRET_OUTSIDE_WORKSPACE, startHostileClientGateway, type HostileClientGateway } from './hostile-client-gateway';

jest.setTimeout(60_000);

const validCallbackJson = (extra = '') =>
  `{"queueId":"callbacks-af","customer":${JSON.stringify(exampleCustomer())},"reason":{"code":"other-issue"},"shortDescription":"Hostile"${extra}}`;

describe('hostile input: explicit cases', () => {
  let h: HostileClientGateway;
  const streams: StreamClient[] = [];
  beforeEach(async () => {
    h = await startHostileClientGateway();
  });
  afterEach(async () => {
    for (const stream of streams.splice(0)) await stream.close();
    await h.assertHealthy();
    await h.close();
  });
  const json = (method: string, path: string, body: string | Buffer, token?: string, headers: Record<string, string> = {}) =>
    h.send({
      method,
      path,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
  const stream = async () => {
    const opened = await openStream(h.t.url);
    streams.push(opened);
    return opened;
  };

  it('path traversal: the static workspace never serves a file outside its directory; ids with ../ are only ids', async () => {
    expect((await h.send({ method: 'GET', path: '/assets/app.js' })).body).toContain('console.log');
    const staticPaths = [
      '/../secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/assets/../../secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..%5c..%5csecret.txt',
      '//secret.txt',
      '/assets/app.js%00.html',
      '/%c0%ae%c0%ae/secret.txt',
    ];
    for (const path of staticPaths) {
      const answer = await h.send({ method: 'GET', path, headers: { accept: 'text/html' } });
      expect({ path, leaked: answer.body.includes(SECRET_OUTSIDE_WORKSPACE) }).toEqual({ path, leaked: false });
      expect([200, 301, 400, 403, 404]).toContain(answer.status);
    }
    const supervisor = h.tokens.supervisor;
    const get = (path: string, token = supervisor) => h.send({ method: 'GET', path, headers: { authorization: `Bearer ${token}` } });
    expect((await get('/v1/callbacks/..%2F..%2Fetc%2Fpasswd')).json).toMatchObject({ code: 'not_found' });
    expect((await get('/v1/interactions/..%2f..%2f')).json).toMatchObject({ code: 'not_found' });
    expect((await get(`/v1/callbacks/..%2F${h.fixture.callbackId}`)).status).toBe(404);
    expect((await json('PUT', '/v1/agents/..%2Fagent-ada/presence', '{"presence":"away"}', h.tokens.ada)).status).toBe(403);
    expect((await json('PUT', '/v1/dev/telephony/numbers/..%2F..%2Fetc%2Fpasswd', '{"behaviour":{"kind":"busy"}}')).json).toMatchObject({ code: 'validation_failed' });
    expect((await json('POST', '/v1/vendors/..%2Fpushy/events', '{}')).status).toBe(404);
  });

  it('prototype pollution: __proto__ and constructor.prototype keys anywhere change nothing but the data', async () => {
    const pollute = '{"polluted":"yes"}';
    expect((await json('POST', '/v1/callbacks', validCallbackJson(`,"__proto__":${pollute}`))).json).toMatchObject({ code: 'validation_failed' });
    expect((await json('POST', '/v1/callbacks', validCallbackJson(`,"constructor":{"prototype":${pollute}}`))).json).toMatchObject({ code: 'validation_failed' });
    // In a record or a non-strict object the key is dropped; the callback is created from the rest.
    const inRecord = await json('POST', '/v1/callbacks', validCallbackJson(`,"attributes":{"__proto__":${pollute},"crm":"x"}`));
    expect(inRecord.status).toBe(201);
    expect((inRecord.json as Callback).attributes).toEqual({ crm: 'x' });
    const nested = validCallbackJson().replace('"customer":{', `"customer":{"__proto__":${pollute},"constructor":{"prototype":${pollute}},`);
    expect((await json('POST', '/v1/callbacks', nested)).status).toBe(201);
    // Keys that merely look like Object.prototype members are kept as plain data.
    const patched = await json('PATCH', `/v1/callbacks/${h.fixture.callbackId}`, '{"attributes":{"constructor":"c","hasOwnProperty":"h","toString":"t"}}', h.tokens.supervisor);
    expect(patched.status).toBe(200);
    expect((patched.json as Callback).attributes).toEqual({ constructor: 'c', hasOwnProperty: 'h', toString: 't' });
    for (const path of [`/v1/callbacks/${h.fixture.callbackId}`, '/v1/callbacks?limit=200', `/v1/interactions/${h.fixture.interactionId}`]) {
      expect((await h.send({ method: 'GET', path, headers: { authorization: `Bearer ${h.tokens.supervisor}` } })).status).toBe(200);
    }
    expect((await h.send({ method: 'GET', path: '/v1/callbacks?__proto__[polluted]=yes&constructor[prototype][polluted]=yes', headers: { authorization: `Bearer ${h.tokens.supervisor}` } })).status).toBe(400);

    const delivery = `{"__proto__":${pollute},"constructor":{"prototype":${pollute}},"kind":"presence","agent":"agent-grace","status":"away"}`;
    const timestamp = Math.floor(h.t.timerClock.now() / 1000);
    const signed = await json('POST', '/v1/vendors/pushy/events', delivery, undefined, {
      'x-icc-timestamp': String(timestamp),
      'x-icc-signature': signWebhook(TEST_WEBHOOK_SECRET, timestamp, delivery),
      'x-icc-delivery-id': 'pollution-1',
    });
    expect(signed.status).toBe(200);

    const socket = await stream();
    socket.socket.send(`{"type":"hello","__proto__":${pollute},"token":"${h.tokens.ada}","protocolVersion":"${PROTOCOL_VERSION}"}`);
    expect((await socket.waitForClose()).code).toBe(4400);
    const live = await stream();
    live.hello(h.tokens.ada);
    await live.waitFor((frame) => frame.type === 'snapshot');
    live.socket.send(`{"type":"command","id":"p1","command":{"__proto__":{"type":"accept"},"constructor":{"prototype":${pollute}},"interactionId":"${h.fixture.interactionId}"}}`);
    expect(await live.waitFor((frame) => frame.type === 'command.result')).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect((({}) as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('huge numbers and far instants are refused or handled, never a 5xx', async () => {
    const supervisor = { authorization: `Bearer ${h.tokens.supervisor}` };
    for (const limit of ['1e309', '99999999999999999999', '-0', '1.5', 'Infinity']) {
      expect((await h.send({ method: 'GET', path: `/v1/callbacks?limit=${limit}`, headers: supervisor })).status).toBe(400);
    }
    for (const milliseconds of ['1e309', '9007199254740993', '31622400001', '-1', '1e-9']) {
      expect((await json('POST', '/v1/dev/clock/advance', `{"milliseconds":${milliseconds}}`)).status).toBe(400);
    }
    expect((await json('PUT', '/v1/dev/telephony/numbers/%2B14155550142', '{"behaviour":{"kind":"answer","afterSeconds":1e308}}')).status).toBe(400);
    expect((await json('POST', '/v1/callbacks', validCallbackJson(',"retryPolicy":{"maxAttempts":1e308,"minIntervalSeconds":0}'))).status).toBe(400);
    for (const instant of ['+275760-09-13T00:00:00.000Z', '9999-12-31T23:59:59Z', '2026-03-10T09:00:00.000000000001Z']) {
      const answer = await json('POST', '/v1/callbacks', validCallbackJson(`,"expireAt":"${instant}","schedule":{"type":"scheduled","start":"${instant}"}`));
      expect([201, 400]).toContain(answer.status);
    }
    const socket = await stream();
    // The largest resumeFrom there is: far past the log, so a snapshot instead of a replay.
    socket.send({ type: 'hello', token: h.tokens.ada, protocolVersion: PROTOCOL_VERSION, resumeFrom: Number.MAX_SAFE_INTEGER });
    expect(await socket.waitFor((frame) => frame.type === 'welcome')).toMatchObject({ resumed: false });
    await socket.waitFor((frame) => frame.type === 'snapshot');
    socket.socket.send('{"type":"ping","at":1e309}');
    expect(await socket.waitFor((frame) => frame.type === 'error')).toMatchObject({ error: { code: 'validation_failed' } });
    const infinite = await stream();
    infinite.socket.send(`{"type":"hello","token":"${h.tokens.ada}","protocolVersion":"${PROTOCOL_VERSION}","resumeFrom":1e300}`);
    expect((await infinite.waitForClose()).code).toBe(4400);
  });

  it('invalid UTF-8: bodies decode with replacement characters or are refused; a text frame with it is closed with 1007', async () => {
    const body = Buffer.concat([Buffer.from(validCallbackJson().replace('"Hostile"}', '"Hostile ')), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')]);
    const answer = await json('POST', '/v1/callbacks', body);
    expect(answer.status).toBe(201);
    expect((answer.json as Callback).shortDescription).toContain('\ufffd');
    expect((await json('POST', '/v1/callbacks', Buffer.from([0x7b, 0xff, 0x7d]))).json).toMatchObject({ code: 'malformed_json' });
    expect((await json('POST', '/v1/callbacks', validCallbackJson(), undefined, { 'content-type': 'application/json; charset=latin1' })).json).toMatchObject({ code: 'unsupported_media_type' });
    const webhook = await h.send({ method: 'POST', path: '/v1/vendors/pushy/events', headers: { 'content-type': 'application/json', 'x-icc-timestamp': '1', 'x-icc-signature': 'v1=0', 'x-icc-delivery-id': 'utf8' }, body: Buffer.from([0xff, 0xfe]) });
    expect(webhook.status).toBe(401);
    const socket = await stream();
    socket.hello(h.tokens.ada);
    await socket.waitFor((frame) => frame.type === 'snapshot');
    socket.socket.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await socket.waitForClose()).code).toBe(1007);
  });

  it('10 MB bodies are refused with 413 without being read; a 10 MB frame closes its socket with 1009', async () => {
    const huge = validCallbackJson(`,"description":"${'x'.repeat(10 * 1024 * 1024)}"`);
    const started = Date.now();
    expect((await json('POST', '/v1/callbacks', huge)).json).toMatchObject({ code: 'payload_too_large' });
    expect((await h.send({ method: 'POST', path: '/v1/callbacks', headers: { 'content-type': 'application/json' }, body: huge, chunked: true })).json).toMatchObject({ code: 'payload_too_large' });
    expect((await json('POST', '/v1/vendors/pushy/events', huge)).status).toBe(413);
    expect((await json('PATCH', `/v1/callbacks/${h.fixture.callbackId}`, huge, h.tokens.supervisor)).status).toBe(413);
    expect(Date.now() - started).toBeLessThan(20_000);
    const socket = await stream();
    socket.hello(h.tokens.ada);
    await socket.waitFor((frame) => frame.type === 'snapshot');
    socket.socket.send('x'.repeat(10 * 1024 * 1024));
    expect((await socket.waitForClose()).code).toBe(1009);
  });
});

describe('a socket sending 10,000 frames a second', () => {
  it('is closed with 4429 while a socket within the rate keeps being served', async () => {
    // Real transport time: the frame limit is a rate (20/s, bursts of 50), not a count.
    const h = await startHostileClientGateway({ timerClock: systemClock });
    const flooding = await openStream(h.t.url);
    const polite = await openStream(h.t.url);
    try {
      for (const socket of [flooding, polite]) {
        socket.hello(h.tokens.ada);
        await socket.waitFor((frame) => frame.type === 'snapshot');
      }
      const started = Date.now();
      for (let frame = 0; frame < 10_000; frame++) flooding.socket.send('{"type":"ping"}');
      const sendMs = Date.now() - started;
      expect(sendMs).toBeLessThan(1000);
      expect((await flooding.waitForClose()).code).toBe(4429);
      const pongsBeforeClose = flooding.frames.filter((frame) => frame.type === 'pong').length;
      expect(pongsBeforeClose).toBeLessThan(100);

      for (let ping = 0; ping < 15; ping++) {
        polite.send({ type: 'ping', at: ping });
        await polite.waitFor((frame) => frame.type === 'pong' && frame.at === ping);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(polite.socket.readyState).toBe(polite.socket.OPEN);
      await h.assertHealthy();
    } finally {
      await flooding.close();
      await polite.close();
      await h.close();
    }
  });
});
