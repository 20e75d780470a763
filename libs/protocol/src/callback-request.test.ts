import {
  CancelCallbackRequest,
  CreateCallbackRequest,
  RescheduleCallbackRequest,
  UpdateCallbackRequest,
} from './callback-request';
import { exampleCreateCallbackRequest, exampleCustomer, exampleScheduledCreateCallbackRequest } from './examples';

function issuePaths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): PropertyKey[][] {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

function without<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value };
  delete copy[key];
  return copy;
}

describe('CreateCallbackRequest', () => {
  it('accepts the ASAP and the scheduled example', () => {
    expect(CreateCallbackRequest.safeParse(exampleCreateCallbackRequest()).success).toBe(true);
    expect(CreateCallbackRequest.safeParse(exampleScheduledCreateCallbackRequest()).success).toBe(true);
  });

  it('fills the defaults of a minimal body', () => {
    const minimal = {
      queueId: 'q-support',
      customer: { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: ['+442071838750'], timeZone: 'Europe/London' },
      reason: { code: 'order-issue' },
      shortDescription: 'Parcel never arrived',
    };
    expect(CreateCallbackRequest.parse(minimal)).toEqual({
      ...minimal,
      customer: { ...minimal.customer, locale: 'en-US' },
      ivrPath: [],
      attributes: {},
      schedule: { type: 'asap' },
      source: 'api',
    });
  });

  it.each([
    ['a phone number without its country code', { customer: exampleCustomer({ phoneNumbers: ['(415) 555-2671'] }) }, ['customer', 'phoneNumbers', 0]],
    ['an international number that cannot exist', { customer: exampleCustomer({ phoneNumbers: ['+1 415 555 267'] }) }, ['customer', 'phoneNumbers', 0]],
    ['no phone number at all', { customer: exampleCustomer({ phoneNumbers: [] }) }, ['customer', 'phoneNumbers']],
    ['a bad time zone', { customer: exampleCustomer({ timeZone: 'Pacific Standard Time' }) }, ['customer', 'timeZone']],
    ['a bad locale', { customer: exampleCustomer({ locale: 'english' }) }, ['customer', 'locale']],
    ['a blank first name', { customer: exampleCustomer({ firstName: '  ' }) }, ['customer', 'firstName']],
    ['a custom reason without label', { reason: { code: 'custom' } }, ['reason', 'label']],
    ['a blank short description', { shortDescription: ' ' }, ['shortDescription']],
    [
      'a window end before start',
      { schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T15:59:59Z' } },
      ['schedule', 'windowEnd'],
    ],
    ['an expire time without offset', { expireAt: '2026-03-14T23:59:59' }, ['expireAt']],
    ['an unknown mode', { mode: 'robot-first' }, ['mode']],
    ['an unknown source', { source: 'fax' }, ['source']],
    ['zero max attempts', { retryPolicy: { maxAttempts: 0, minIntervalSeconds: 60 } }, ['retryPolicy', 'maxAttempts']],
    ['an attribute name with spaces', { attributes: { 'order id': 'A-1' } }, ['attributes', 'order id']],
    ['a queue id with spaces', { queueId: 'support queue' }, ['queueId']],
  ])('rejects %s at the right path', (_why, overrides, path) => {
    const result = CreateCallbackRequest.safeParse({ ...exampleCreateCallbackRequest(), ...overrides });
    expect(issuePaths(result)).toEqual([path]);
  });

  it.each(['+1 415 555 2671', '+1 (415) 555-2671', '+1-415-555-2671', ' +14155552671 '])('takes %j, with its country code, and stores it in E.164', (number) => {
    const result = CreateCallbackRequest.parse({ ...exampleCreateCallbackRequest(), customer: exampleCustomer({ phoneNumbers: [number] }) });
    expect(result.customer.phoneNumbers).toEqual(['+14155552671']);
  });

  it.each([['queueId'], ['customer'], ['reason'], ['shortDescription']] as const)('requires %s', (field) => {
    const result = CreateCallbackRequest.safeParse(without(exampleCreateCallbackRequest(), field));
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: [field], code: 'invalid_type' })]);
  });

  it('rejects unknown keys instead of dropping them silently', () => {
    const result = CreateCallbackRequest.safeParse({ ...exampleCreateCallbackRequest(), priority: 'high' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['priority'], path: [] })]);
  });

  it('caps the attributes at 50', () => {
    const attributes = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key${index}`, 'value']));
    const result = CreateCallbackRequest.safeParse({ ...exampleCreateCallbackRequest(), attributes });
    expect(issuePaths(result)).toEqual([['attributes']]);
    delete attributes['key50'];
    expect(CreateCallbackRequest.safeParse({ ...exampleCreateCallbackRequest(), attributes }).success).toBe(true);
  });
});

describe('UpdateCallbackRequest', () => {
  it('accepts a partial update', () => {
    expect(UpdateCallbackRequest.parse({ notes: 'Prefers mornings' })).toEqual({ notes: 'Prefers mornings' });
  });

  it('rejects an empty update', () => {
    expect(UpdateCallbackRequest.safeParse({}).error?.issues).toEqual([
      expect.objectContaining({ path: [], message: 'Nothing to update' }),
    ]);
  });

  it('rejects fields that are not descriptive, such as the customer or the queue', () => {
    const result = UpdateCallbackRequest.safeParse({ notes: 'x', queueId: 'q-sales' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['queueId'] })]);
  });
});

describe('CancelCallbackRequest', () => {
  it('accepts an empty body and a reason', () => {
    expect(CancelCallbackRequest.safeParse({}).success).toBe(true);
    expect(CancelCallbackRequest.safeParse({ reason: 'Customer called in' }).success).toBe(true);
  });

  it('rejects an over-long reason and unknown keys', () => {
    expect(issuePaths(CancelCallbackRequest.safeParse({ reason: 'x'.repeat(501) }))).toEqual([['reason']]);
    expect(CancelCallbackRequest.safeParse({ force: true }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });
});

describe('RescheduleCallbackRequest', () => {
  it('accepts a start with an optional later window end', () => {
    expect(RescheduleCallbackRequest.safeParse({ start: '2026-03-11T16:00:00Z' }).success).toBe(true);
    expect(
      RescheduleCallbackRequest.safeParse({ start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T17:00:00Z' }).success,
    ).toBe(true);
  });

  it.each([
    ['window end before start', { start: '2026-03-11T16:00:00Z', windowEnd: '2026-03-11T15:00:00Z' }, ['windowEnd']],
    ['start without offset', { start: '2026-03-11T16:00:00' }, ['start']],
    ['missing start', {}, ['start']],
  ])('rejects %s', (_why, body, path) => {
    expect(issuePaths(RescheduleCallbackRequest.safeParse(body))).toEqual([path]);
  });

  it('rejects unknown keys', () => {
    const result = RescheduleCallbackRequest.safeParse({ start: '2026-03-11T16:00:00Z', agentId: 'agent-ada' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['agentId'] })]);
  });
});
