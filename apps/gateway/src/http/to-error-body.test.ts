import { IccError, InvalidTransitionError, AdapterError } from '@icc/core';
import { toErrorBody } from './to-error-body';

describe('toErrorBody', () => {
  it.each([
    [new InvalidTransitionError('queued', 'hold', 'agent-first'), 409, 'invalid_transition'],
    [new IccError('not_found', 'x'), 404, 'not_found'],
    [new IccError('forbidden', 'x'), 403, 'forbidden'],
    [new IccError('unauthorized', 'x'), 401, 'unauthorized'],
    [new IccError('idempotency_conflict', 'x'), 409, 'idempotency_conflict'],
    [new IccError('capability_unsupported', 'x'), 422, 'capability_unsupported'],
    [new IccError('storage_unavailable', 'x'), 503, 'storage_unavailable'],
    [new AdapterError('vendor down', true, 503), 502, 'vendor_unavailable'],
    [new IccError('rate_limited', 'x'), 429, 'rate_limited'],
    [Object.assign(new Error('bad'), { type: 'entity.parse.failed' }), 400, 'malformed_json'],
    [Object.assign(new Error('big'), { type: 'entity.too.large' }), 413, 'payload_too_large'],
    [Object.assign(new URIError("Failed to decode param '%'"), { status: 400 }), 400, 'validation_failed'],
  ])('maps %s to %i %s', (error, status, code) => {
    expect(toErrorBody(error)).toMatchObject({ status, body: { code } });
  });

  it('hides unexpected errors behind internal_error', () => {
    const answer = toErrorBody(new TypeError('secret detail at /src/x.ts:1'));
    expect(answer).toEqual({ status: 500, body: { code: 'internal_error', message: expect.any(String) }, unexpected: true });
    expect(answer.body.message).not.toContain('secret');
  });
});
