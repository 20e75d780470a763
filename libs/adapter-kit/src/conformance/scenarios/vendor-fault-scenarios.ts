import type { ConformanceRun, RequestedCallback, Settled } from '../conformance-run';
import type { ConformanceScenario } from '../conformance-scenario';
import type { RecordedVendorCall } from '../conformance-harness';
import { connectCall, endAndWrapUp, onlyEvent, preferredMode, queueFor } from '../scenario-steps';

/** Connects and ends one call, then checks each step reached the sink exactly once. */
async function callAppliedOnce(run: ConformanceRun, capabilities: Parameters<ConformanceScenario['run']>[1]) {
  const interactionId = await connectCall(run, capabilities);
  await endAndWrapUp(run, interactionId);
  for (const type of ['interaction.created', 'interaction.offered', 'interaction.accepted', 'interaction.dialing'] as const) {
    onlyEvent(run, interactionId, type);
  }
  onlyEvent(run, interactionId, 'interaction.customer-answered');
  onlyEvent(run, interactionId, 'interaction.call-ended');
  onlyEvent(run, interactionId, 'interaction.closed');
}

/** Requests a callback while the vendor API misbehaves; drives the fake clock until the request settles. */
async function requestThroughFaults(run: ConformanceRun, withinSeconds: number) {
  const calls = run.hook('vendorCalls');
  const before = calls().length;
  const identity = run.newIdentity();
  const settled = run.track(run.request({ queue: queueFor(run, preferredMode(run.adapter.capabilities)), identity }));
  await run.waitFor('requestCallback to resolve or reject', () => settled().settled, { withinSeconds });
  return { outcome: settled() as Exclude<Settled<RequestedCallback>, { settled: false }>, calls: calls().slice(before), identity };
}

function sameEndpoint(calls: readonly RecordedVendorCall[]): RecordedVendorCall[] {
  const first = calls[0];
  if (!first) throw new Error('The adapter made no vendor API call for requestCallback');
  return calls.filter((call) => call.method === first.method && call.url === first.url);
}

function createdCount(run: ConformanceRun, callbackId: string): number {
  return run.sink.events.filter((event) => event.type === 'interaction.created' && event.callbackId === callbackId).length;
}

export const vendorEventDuplicated: ConformanceScenario = {
  title: 'vendor event delivered twice: applied once',
  hooks: ['duplicateNextVendorEvent'],
  async run(run, capabilities) {
    await run.hook('duplicateNextVendorEvent')();
    await callAppliedOnce(run, capabilities);
  },
};

export const vendorEventsReordered: ConformanceScenario = {
  title: 'vendor events delivered out of order: applied in order',
  hooks: ['reorderNextVendorEvents'],
  async run(run, capabilities) {
    await run.hook('reorderNextVendorEvents')(2);
    await callAppliedOnce(run, capabilities);
  },
};

export const vendorRateLimited: ConformanceScenario = {
  title: 'vendor API answers 429: the adapter waits as long as Retry-After says, then succeeds',
  hooks: ['failNextVendorCalls', 'vendorCalls'],
  async run(run) {
    await run.hook('failNextVendorCalls')({ status: 429, count: 1, retryAfterSeconds: 7 });
    const { outcome, calls, identity } = await requestThroughFaults(run, 60);
    if ('error' in outcome) throw outcome.error;
    const attempts = sameEndpoint(calls);
    expect(attempts.map((call) => call.status).slice(0, 2)).toEqual([429, expect.any(Number)]);
    expect((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0)).toBeGreaterThanOrEqual(7000);
    expect(createdCount(run, identity.callbackId)).toBe(1);
  },
};

export const vendorUnavailableThenRecovers: ConformanceScenario = {
  title: 'vendor API answers 5xx: retried with backoff, then succeeds without a duplicate (or, without vendor idempotency, not resent)',
  hooks: ['failNextVendorCalls', 'vendorCalls'],
  async run(run) {
    await run.hook('failNextVendorCalls')({ status: 500, count: 2 });
    const { outcome, calls, identity } = await requestThroughFaults(run, 300);
    if (run.createNotIdempotent) {
      expect('error' in outcome && outcome.error).toMatchObject({ name: 'AdapterError', code: 'vendor_unavailable', retryable: true, vendorStatus: 500 });
      expect(sameEndpoint(calls).map((call) => call.status)).toEqual([500]);
      expect(createdCount(run, identity.callbackId)).toBe(0);
      return;
    }
    if ('error' in outcome) throw outcome.error;
    const attempts = sameEndpoint(calls);
    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.slice(0, 2).map((call) => call.status)).toEqual([500, 500]);
    expect(createdCount(run, identity.callbackId)).toBe(1);
  },
};

export const vendorUnavailableGivesUp: ConformanceScenario = {
  title: 'vendor API keeps answering 503: bounded retries, then a retryable AdapterError',
  hooks: ['failNextVendorCalls', 'vendorCalls'],
  async run(run) {
    await run.hook('failNextVendorCalls')({ status: 503, count: 1000 });
    const { outcome, calls, identity } = await requestThroughFaults(run, 900);
    expect('error' in outcome).toBe(true);
    expect('error' in outcome && outcome.error).toMatchObject({
      name: 'AdapterError',
      code: 'vendor_unavailable',
      retryable: true,
      vendorStatus: 503,
    });
    const attempts = sameEndpoint(calls);
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThanOrEqual(10);
    expect(createdCount(run, identity.callbackId)).toBe(0);
  },
};

export const malformedVendorPayload: ConformanceScenario = {
  title: 'malformed vendor payload: logged, no events, and the adapter keeps working',
  hooks: ['deliverMalformedVendorPayload'],
  async run(run, capabilities) {
    const eventsBefore = run.sink.events.length;
    const logsBefore = run.logger.entries.length;
    await run.hook('deliverMalformedVendorPayload')();
    await run.settle();
    expect(run.sink.events).toHaveLength(eventsBefore);
    const reported = run.logger.entries.slice(logsBefore).filter((entry) => entry.level === 'warn' || entry.level === 'error');
    expect(reported.length).toBeGreaterThan(0);

    const { interactionId } = await run.request({ queue: queueFor(run, preferredMode(capabilities)) });
    expect(run.interaction(interactionId).state).toBe('queued');
  },
};

export const VENDOR_FAULT_SCENARIOS: readonly ConformanceScenario[] = [
  vendorEventDuplicated,
  vendorEventsReordered,
  vendorRateLimited,
  vendorUnavailableThenRecovers,
  vendorUnavailableGivesUp,
  malformedVendorPayload,
];
