import { exampleCapabilities, exampleCreateCallbackRequest, exampleQueueConfig } from '@icc/protocol';
import { refusalOf } from './refusal-of.test-support';
import { decideCallbackCreation, isRetriedRequest, type CallbackCreationCommand } from './decide-callback-creation';

const NOW = Date.parse('2026-03-10T14:05:00.000Z');
const identity = { callbackId: 'cb-7', interactionId: 'ix-7', number: 'CB0000007' };

function command(overrides: Partial<CallbackCreationCommand> = {}): CallbackCreationCommand {
  return {
    request: exampleCreateCallbackRequest(),
    identity,
    queue: exampleQueueConfig(),
    capabilities: exampleCapabilities(),
    vendor: 'acme',
    now: NOW,
    ...overrides,
  };
}

describe('decideCallbackCreation', () => {
  it('creates an ASAP callback in the queue with the queue’s mode and retry policy', () => {
    const { callback, created } = decideCallbackCreation(command());
    expect(callback).toMatchObject({
      id: 'cb-7',
      number: 'CB0000007',
      interactionId: 'ix-7',
      queueId: 'q-support',
      mode: 'agent-first',
      retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 },
      requestedAt: '2026-03-10T14:05:00.000Z',
      state: 'pending',
      attempts: 0,
      shortDescription: 'Router keeps dropping the connection',
    });
    expect(callback).not.toHaveProperty('idempotencyKey');
    expect(callback).not.toHaveProperty('queueConfigVersion');
    expect(created).not.toHaveProperty('requestHash');
    expect(created).not.toHaveProperty('queueConfigVersion');
    expect(created).not.toHaveProperty('closingReasons');
    expect(created).toEqual({
      type: 'interaction.created',
      interactionId: 'ix-7',
      callbackId: 'cb-7',
      at: '2026-03-10T14:05:00.000Z',
      callback,
      queueName: 'Support',
      vendor: 'acme',
      initialState: 'queued',
    });
  });

  it('keeps the request’s own mode, retry policy and the identity’s idempotency key and request hash', () => {
    const { callback, created } = decideCallbackCreation(
      command({
        request: exampleCreateCallbackRequest({ mode: 'customer-first', retryPolicy: { maxAttempts: 5, minIntervalSeconds: 60 } }),
        identity: { ...identity, idempotencyKey: 'ivr-1', requestHash: 'h-1' },
      }),
    );
    expect(callback).toMatchObject({ mode: 'customer-first', retryPolicy: { maxAttempts: 5, minIntervalSeconds: 60 }, idempotencyKey: 'ivr-1' });
    expect(created.requestHash).toBe('h-1');
  });

  it('stamps the callback and its first interaction with the queue version, and the interaction with a copy of its closing reasons', () => {
    const closingReasons = ['Resolved', 'Customer unreachable'];
    const { callback, created } = decideCallbackCreation(command({ queue: exampleQueueConfig({ version: 4, closingReasons }) }));
    expect(callback.queueConfigVersion).toBe(4);
    expect(created).toEqual({
      type: 'interaction.created',
      interactionId: 'ix-7',
      callbackId: 'cb-7',
      at: '2026-03-10T14:05:00.000Z',
      callback,
      queueName: 'Support',
      queueConfigVersion: 4,
      closingReasons: ['Resolved', 'Customer unreachable'],
      vendor: 'acme',
      initialState: 'queued',
    });
    expect(created.closingReasons).not.toBe(closingReasons);
  });

  it('starts a callback scheduled later as scheduled, with its start', () => {
    const request = exampleCreateCallbackRequest({ schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' } });
    const { created } = decideCallbackCreation(command({ request }));
    expect(created).toMatchObject({ initialState: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z' });
  });

  it('queues a scheduled callback whose start is exactly now', () => {
    const request = exampleCreateCallbackRequest({ schedule: { type: 'scheduled', start: '2026-03-10T14:05:00.000Z' } });
    expect(decideCallbackCreation(command({ request })).created.initialState).toBe('queued');
  });

  it('queues a scheduled callback whose start has already come', () => {
    const request = exampleCreateCallbackRequest({ schedule: { type: 'scheduled', start: '2026-03-10T14:00:00Z' } });
    expect(decideCallbackCreation(command({ request })).created).toMatchObject({ initialState: 'queued', scheduledAt: '2026-03-10T14:00:00Z' });
  });

  it('refuses an unknown queue as not_found at queueId', () => {
    const error = refusalOf(() => decideCallbackCreation(command({ queue: undefined })));
    expect(error.toBody()).toEqual({
      code: 'not_found',
      message: 'Queue q-support does not exist',
      issues: [{ path: ['queueId'], message: 'Unknown queue', code: 'custom' }],
    });
  });

  it('refuses a mode the vendor does not support', () => {
    const error = refusalOf(() => decideCallbackCreation(command({ capabilities: exampleCapabilities({ modes: ['customer-first'] }) })));
    expect(error.toBody()).toEqual({ code: 'capability_unsupported', message: 'This vendor does not support agent-first callbacks' });
  });

  it('refuses a scheduled callback when the vendor cannot schedule', () => {
    const request = exampleCreateCallbackRequest({ schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' } });
    const error = refusalOf(() => decideCallbackCreation(command({ request, capabilities: exampleCapabilities({ scheduled: false }) })));
    expect(error.toBody()).toEqual({ code: 'capability_unsupported', message: 'This vendor does not support scheduled callbacks' });
  });

  it('takes an ASAP callback from a vendor that cannot schedule', () => {
    const { created } = decideCallbackCreation(command({ capabilities: exampleCapabilities({ scheduled: false }) }));
    expect(created.initialState).toBe('queued');
  });

  it.each(['2026-03-10T14:05:00.000Z', '2026-03-10T14:04:59.999Z'])('refuses an expire time that is not in the future (%s)', (expireAt) => {
    const error = refusalOf(() => decideCallbackCreation(command({ request: exampleCreateCallbackRequest({ expireAt }) })));
    expect(error.toBody()).toEqual({
      code: 'validation_failed',
      message: 'expireAt must be in the future',
      issues: [{ path: ['expireAt'], message: 'Must be in the future', code: 'custom' }],
    });
  });

  it('accepts an expire time one millisecond ahead', () => {
    const request = exampleCreateCallbackRequest({ expireAt: '2026-03-10T14:05:00.001Z' });
    expect(decideCallbackCreation(command({ request })).callback.expireAt).toBe('2026-03-10T14:05:00.001Z');
  });
});

describe('isRetriedRequest', () => {
  it('is false for a callbackId nobody knows', () => {
    expect(isRetriedRequest(undefined, identity)).toBe(false);
  });

  it('is true when the known callback carries the same number (a retried request)', () => {
    expect(isRetriedRequest({ number: 'CB0000007' }, identity)).toBe(true);
  });

  it('refuses a different request under a known callbackId as idempotency_conflict', () => {
    const error = refusalOf(() => isRetriedRequest({ number: 'CB0000001' }, identity));
    expect(error.toBody()).toEqual({
      code: 'idempotency_conflict',
      message: 'Callback cb-7 already exists as CB0000001; a different request needs a new callbackId',
    });
  });
});
