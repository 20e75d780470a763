import { silentLogger, systemClock, type AdapterContext, type CcaasAdapterV1 } from '@icc/core';
import type { EventHub } from '../events/event-hub';
import { startAcdTerm, type AcdTermDependencies } from './acd-term';

/** A vendor adapter that, like the mock vendor, refuses a second start without a stop in between. */
function strictAdapter() {
  let started = false;
  const calls: string[] = [];
  const adapter = {
    specificationVersion: 1,
    vendor: 'strict',
    capabilities: {},
    async start() {
      if (started) throw new Error('already started');
      started = true;
      calls.push('start');
    },
    async stop() {
      started = false;
      calls.push('stop');
    },
    requestCallback: async () => [],
    updateCallback: async () => [],
    cancelCallback: async () => [],
    reschedule: async () => [],
    setPresence: async () => [],
    execute: async () => [],
  } as unknown as CcaasAdapterV1;
  return { adapter, calls };
}

const lease = { name: 'acd', holder: 'http://gateway-a', token: 1, expiresAtMs: 0 };

function dependencies(registered: CcaasAdapterV1, startDispatcher: AcdTermDependencies['startDispatcher']): AcdTermDependencies {
  return {
    registered,
    appendFenced: async () => [],
    hub: {} as EventHub,
    context: async () => ({}) as AdapterContext,
    startDispatcher,
    fenceLost: () => undefined,
    logger: silentLogger,
    timerClock: systemClock,
  };
}

describe('startAcdTerm', () => {
  it('stops the adapter again when the term fails to start, so the next term on this gateway can start it', async () => {
    const { adapter, calls } = strictAdapter();
    const failing = () => {
      throw new Error('A metric with the name icc_webhook_deliveries_total has already been registered.');
    };
    await expect(startAcdTerm(lease, dependencies(adapter, failing))).rejects.toThrow(/already been registered/);
    expect(calls).toEqual(['start', 'stop']);

    const term = await startAcdTerm({ ...lease, token: 2 }, dependencies(adapter, () => ({ wake: () => undefined, subscribed: () => undefined, stop: async () => undefined })));
    await term.stop();
    expect(calls).toEqual(['start', 'stop', 'start', 'stop']);
  });
});
