import { exampleAgentPresenceChangedEvent, type IccEvent } from '@icc/protocol';
import { createRecordingLogger } from '../conformance/recording-logger';
import { signIccWebhook } from './icc-webhook-signature';
import { createPushIntake } from './push-intake';

const SECRET = 'push-intake-test-secret-0123456789';
const parse = (rawBody: string) => {
  const body = JSON.parse(rawBody) as { id?: string };
  return body.id === undefined ? ({ ok: false, reason: 'no id' } as const) : ({ ok: true, delivery: body, id: body.id } as const);
};
const signed = (rawBody: string) => {
  const timestamp = Math.floor(Date.now() / 1000);
  return { headers: { 'X-ICC-Timestamp': String(timestamp), 'X-ICC-Signature': signIccWebhook(SECRET, timestamp, rawBody), 'x-icc-delivery-id': 'd-1' }, rawBody };
};

describe('createPushIntake', () => {
  it('applies each event id once, and again after its application failed', async () => {
    const intake = createPushIntake({ vendor: 'acme', secret: SECRET, parse, remember: 10 });
    const logger = createRecordingLogger();
    const applied: string[] = [];
    const event: IccEvent = { ...exampleAgentPresenceChangedEvent(), seq: 1 } as IccEvent;
    const apply = async (delivery: { id?: string }) => {
      applied.push(delivery.id ?? '');
      return [event];
    };
    expect(await intake.ingest(signed('{"id":"e-1"}'), logger, apply)).toEqual([event]);
    expect(await intake.ingest(signed('{"id":"e-1"}'), logger, apply)).toEqual([]);
    await expect(intake.ingest(signed('{"id":"e-2"}'), logger, () => Promise.reject(new Error('store down')))).rejects.toThrow('store down');
    await intake.ingest(signed('{"id":"e-2"}'), logger, apply);
    expect(applied).toEqual(['e-1', 'e-2']);
    expect(intake.counters).toEqual({ accepted: 3, duplicates: 1, malformed: 0 });
  });

  it('logs and skips a body that does not parse, naming the delivery', async () => {
    const intake = createPushIntake({ vendor: 'acme', parse, remember: 10 });
    const logger = createRecordingLogger();
    expect(await intake.ingest(signed('{}'), logger, () => Promise.reject(new Error('not applied')))).toEqual([]);
    expect(intake.counters.malformed).toBe(1);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'warn', message: 'acme: delivery skipped', object: expect.objectContaining({ reason: 'no id', deliveryId: 'd-1' }) })]);
  });

  it('refuses a delivery whose signature does not verify, before reading it', async () => {
    const intake = createPushIntake({ vendor: 'acme', secret: SECRET, parse, remember: 10 });
    const forged = { ...signed('{"id":"e-1"}'), rawBody: '{"id":"e-9"}' };
    await expect(intake.ingest(forged, createRecordingLogger(), async () => [])).rejects.toMatchObject({ code: 'invalid_signature' });
    expect(intake.counters.accepted).toBe(0);
  });
});
