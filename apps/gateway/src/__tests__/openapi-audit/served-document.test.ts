import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createSimulatedAmazonConnectAdapter } from '@icc/adapter-amazon-connect';
import { exampleQueueConfig } from '@icc/protocol';
import { buildOpenApiDocument } from '../../openapi/build-openapi-document';
import { gatewayRoutes } from '../../routes/gateway-routes';
import { callbackBody } from '../reliability/reliability-fixtures';
import { rawRequest, startTestGateway, type TestGateway } from '../test-gateway';
import { auditExchange, type RecordedExchange } from './response-auditor';

// Child processes and whole flows on a shared, busy machine.
jest.setTimeout(30_000);

type Document = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

const VALIDATOR_CLI = require.resolve('@seriousme/openapi-schema-validator/bin/validate-api-cli.js');

async function servedDocument(t: TestGateway): Promise<Document> {
  return (await rawRequest(`${t.url}/v1/openapi.json`, { method: 'GET' })).body as Document;
}

/** A request as the gateway answered it, ready to audit against any document. */
async function exchange(t: TestGateway, method: string, path: string, init: { token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  const answer = await rawRequest(`${t.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const recorded = (servedDocument: unknown): RecordedExchange => ({
    method,
    url: path,
    status: answer.status,
    contentType: answer.headers.get('content-type') ?? undefined,
    headers: Object.fromEntries(answer.headers.entries()),
    body: Buffer.from(answer.text),
    servedDocument,
  });
  return { status: answer.status, body: answer.body as { code?: string }, recorded };
}

describe('the served OpenAPI document', () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it('is valid OpenAPI 3.1 (checked by @seriousme/openapi-schema-validator)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icc-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(await servedDocument(t)));
      const { stdout } = await promisify(execFile)(process.execPath, [VALIDATOR_CLI, file]);
      expect(JSON.parse(stdout)).toEqual({ valid: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is built from the route declarations, and lists the development routes only when they are mounted', async () => {
    expect(await servedDocument(t)).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(gatewayRoutes({ devMode: true })))));
    const production = await startTestGateway({ devMode: false });
    try {
      const paths = Object.keys((await servedDocument(production)).paths);
      expect(paths).not.toContain('/v1/auth/dev-token');
      expect(paths).not.toContain('/v1/dev/clock/advance');
      expect(paths).toContain('/v1/callbacks');
      // The answer a production gateway gives there is its own 404, which the audit accepts for unlisted paths.
      expect((await exchange(production, 'POST', '/v1/auth/dev-token', { body: { agentId: 'agent-ada' } })).status).toBe(404);
    } finally {
      await production.close();
    }
  });

  it('declares 409 invalid_transition for PATCH on a cancelled callback, and the audit fails once that status is removed', async () => {
    const { callback } = await t.anonymous.createCallback(callbackBody(1));
    const sam = await t.signIn('supervisor-sam');
    await sam.cancelCallback(callback.id, { reason: 'customer asked' });
    const patch = await exchange(t, 'PATCH', `/v1/callbacks/${callback.id}`, { token: sam.token, body: { shortDescription: 'late edit' } });
    expect(patch).toMatchObject({ status: 409, body: { code: 'invalid_transition' } });

    const document = await servedDocument(t);
    expect(await auditExchange(patch.recorded(document))).toBeUndefined();
    const withoutConflict = structuredClone(document);
    delete withoutConflict.paths['/v1/callbacks/{id}']?.['patch']?.responses['409'];
    expect(await auditExchange(patch.recorded(withoutConflict))).toMatch(/PATCH .* → 409: status 409 is not declared for updateCallback/);
  });

  it('the audit also fails for a declared status whose body is not the declared one', async () => {
    const document = await servedDocument(t);
    const sam = await t.signIn('supervisor-sam');
    const missing = await exchange(t, 'GET', '/v1/callbacks/CB9999999', { token: sam.token });
    expect(missing.status).toBe(404);
    const recorded = missing.recorded(document);
    expect(await auditExchange(recorded)).toBeUndefined();
    expect(await auditExchange({ ...recorded, body: Buffer.from(JSON.stringify({ code: 'forbidden', message: 'x' })) })).toMatch(
      /does not match the declared schema/,
    );
    expect(await auditExchange({ ...recorded, contentType: 'text/html' })).toMatch(/media type "text\/html" is not declared/);
  });

  it('declares the ETag (and Location) of versioned queues, and the audit fails for an answer without it', async () => {
    const document = await servedDocument(t);
    const sam = await t.signIn('supervisor-sam');
    const created = await exchange(t, 'POST', '/v1/queues', { token: sam.token, body: exampleQueueConfig({ id: 'etag-check' }) });
    expect(created.status).toBe(201);
    expect(await auditExchange(created.recorded(document))).toBeUndefined();
    const read = await exchange(t, 'GET', '/v1/queues/etag-check', { token: sam.token });
    const recorded = read.recorded(document);
    expect(recorded.headers['etag']).toBe('"1"');
    expect(await auditExchange(recorded)).toBeUndefined();
    const { etag: _sent, ...withoutTag } = recorded.headers;
    expect(await auditExchange({ ...recorded, headers: withoutTag })).toMatch(/GET .* → 200: the headers do not match those declared for getQueue/);
    expect(await auditExchange({ ...recorded, headers: { ...withoutTag, etag: 'W/1' } })).toMatch(/the headers do not match/);
  });

  it("declares Cache-Control no-store and Referrer-Policy no-referrer on every answer of the customer status routes, errors included, and the audit fails for a 404 without them", async () => {
    const document = await servedDocument(t);
    const statusPaths = Object.keys(document.paths).filter((path) => path.startsWith('/v1/callbacks/{id}/status'));
    expect(statusPaths.sort()).toEqual(['/v1/callbacks/{id}/status', '/v1/callbacks/{id}/status/cancel', '/v1/callbacks/{id}/status/move', '/v1/callbacks/{id}/status/slots']);
    for (const path of statusPaths) {
      for (const [method, operation] of Object.entries(document.paths[path] ?? {})) {
        for (const [status, response] of Object.entries(operation.responses)) {
          const headers = (response as { headers?: Record<string, { schema: { const?: string } }> }).headers ?? {};
          expect({ method, path, status, cache: headers['Cache-Control']?.schema.const, referrer: headers['Referrer-Policy']?.schema.const }).toEqual({
            method,
            path,
            status,
            cache: 'no-store',
            referrer: 'no-referrer',
          });
        }
      }
    }
    const unknown = await exchange(t, 'GET', `/v1/callbacks/cb-none/status?token=${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    const recorded = unknown.recorded(document);
    expect(await auditExchange(recorded)).toBeUndefined();
    const { 'cache-control': _cache, ...uncached } = recorded.headers;
    expect(await auditExchange({ ...recorded, headers: uncached })).toMatch(/→ 404: the headers do not match those declared for getCustomerCallbackStatus/);
  });
});

describe('methods the document does not declare', () => {
  it('answers OPTIONS and undeclared methods on a declared path with 404 not_found, not an undeclared 200', async () => {
    const t = await startTestGateway();
    try {
      for (const method of ['OPTIONS', 'DELETE', 'PUT']) {
        // The audit checks these answers too: an API path no operation matches must be 404 not_found.
        expect({ method, ...(await exchange(t, method, '/v1/callbacks')) }).toMatchObject({
          method,
          status: 404,
          body: { code: 'not_found' },
        });
      }
    } finally {
      await t.close();
    }
  });
});

describe('statuses the hand-written document missed', () => {
  it('declares 422 capability_unsupported for intake of a mode the vendor lacks (Amazon Connect: agent-first only)', async () => {
    const t = await startTestGateway({ adapter: createSimulatedAmazonConnectAdapter() });
    try {
      const intake = await exchange(t, 'POST', '/v1/callbacks', { body: callbackBody(1, { queueId: 'callbacks-cf' }) });
      expect(intake).toMatchObject({ status: 422, body: { code: 'capability_unsupported' } });
      expect(await servedDocument(t)).toHaveProperty(['paths', '/v1/callbacks', 'post', 'responses', '422']);
    } finally {
      await t.close();
    }
  });

  it('declares 503 on the webhook route (vendors retry on it)', async () => {
    const t = await startTestGateway();
    try {
      expect(await servedDocument(t)).toHaveProperty(['paths', '/v1/vendors/{vendor}/events', 'post', 'responses', '503']);
    } finally {
      await t.close();
    }
  });
});
