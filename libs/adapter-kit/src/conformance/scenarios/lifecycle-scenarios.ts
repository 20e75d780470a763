import { VendorName } from '@icc/protocol';
import type { ConformanceScenario } from '../conformance-scenario';
import { preferredMode, queueFor } from '../scenario-steps';

export const startsAndDeclares: ConformanceScenario = {
  title: 'starts, declares the capabilities given to the suite, and stops (twice, harmlessly)',
  async run(run, capabilities) {
    expect(VendorName.safeParse(run.adapter.vendor).success).toBe(true);
    expect(run.adapter.capabilities).toEqual(capabilities);
    await run.adapter.stop();
    await run.adapter.stop();
  },
};

export const stopLeavesNoTimers: ConformanceScenario = {
  title: 'stop() cancels every timer it set and emits nothing afterwards',
  async run(run, capabilities) {
    const { ada } = run.world.agents;
    const { primary } = run.world.phoneNumbers;
    const queue = queueFor(run, preferredMode(capabilities));
    await run.simulator.scriptCustomer(primary, [{ kind: 'no-answer' }]);
    // Pending work of every kind: an offer alerting (or a call ringing), an expiry, a scheduled start.
    await run.available(ada);
    await run.request({ queue, phoneNumbers: [primary] });
    await run.request({ queue, phoneNumbers: [primary], expireAt: run.inSeconds(3600) });
    if (capabilities.scheduled) {
      await run.request({ queue, phoneNumbers: [primary], schedule: { type: 'scheduled', start: run.inSeconds(1800) } });
    }
    await run.passTime(2);
    await run.stopAdapter();
    await run.settle();
    expect(run.clock.liveTimers()).toBe(0);

    const eventsAtStop = run.sink.events.length;
    await run.passTime(7200, { stepSeconds: 60 });
    expect(run.sink.events).toHaveLength(eventsAtStop);
  },
};

export const stopClosesConnections: ConformanceScenario = {
  title: 'stop() closes every connection to the vendor',
  hooks: ['openConnections'],
  async run(run, capabilities) {
    await run.request({ queue: queueFor(run, preferredMode(capabilities)) });
    await run.stopAdapter();
    await run.settle();
    expect(run.hook('openConnections')()).toBe(0);
  },
};

export const LIFECYCLE_SCENARIOS: readonly ConformanceScenario[] = [startsAndDeclares, stopLeavesNoTimers, stopClosesConnections];
