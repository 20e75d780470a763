import { IccError, type AdapterContext, type CcaasAdapterV1 } from '@icc/core';
import { createCallbackEngine, type CallbackEngine } from '@icc/engine';
import type { IccEvent, NewIccEvent } from '@icc/protocol';
import { MOCK_CAPABILITIES } from './mock-capabilities';
import { MockAdapterConfig, type MockAdapterConfigInput } from './mock-config';
import { createMockTelephony, type MockTelephony } from './mock-telephony';

export interface MockAdapter extends CcaasAdapterV1 {
  /** The simulated network, e.g. to make a number not answer (dev endpoint, tests). */
  readonly telephony: Pick<MockTelephony, 'setBehaviour' | 'clearBehaviours' | 'activeCalls'>;
}

interface Running {
  context: AdapterContext;
  engine: CallbackEngine;
  telephony: MockTelephony;
  cancelWake?: () => void;
  wakeAt?: number;
}

/**
 * A simulated CCaaS: the core callback engine as its brain and a simulated telephone network.
 * Its state is a fold of the events it emitted, so after a restart it resumes from the
 * persisted open interactions.
 */
export function createMockAdapter(configInput: MockAdapterConfigInput = {}): MockAdapter {
  const config = MockAdapterConfig.parse(configInput);
  let running: Running | undefined;
  let pendingBehaviours: Array<(telephony: MockTelephony) => void> = [];

  const requireRunning = (): Running => {
    if (!running) throw new IccError('vendor_unavailable', 'The mock vendor is not started');
    return running;
  };

  const publish = (events: NewIccEvent[]): Promise<IccEvent[]> => {
    const current = requireRunning();
    current.telephony.observe(events);
    armWake(current);
    if (events.length === 0) return Promise.resolve([]);
    return current.context.sink.emit(events).catch((error: unknown) => {
      current.context.logger.error({ err: error }, 'mock vendor: events were not stored; state will be rebuilt on restart');
      throw error;
    });
  };

  const armWake = (current: Running) => {
    const wakeAt = current.engine.nextWakeAt();
    if (wakeAt === current.wakeAt) return;
    current.cancelWake?.();
    current.wakeAt = wakeAt;
    current.cancelWake =
      wakeAt === undefined
        ? undefined
        : current.context.clock.setTimer(wakeAt, () => {
            current.wakeAt = undefined;
            current.cancelWake = undefined;
            if (running !== current) return;
            void publish(current.engine.tick(current.context.clock.now())).catch(() => undefined);
          });
  };

  const change = (apply: (engine: CallbackEngine, now: number) => NewIccEvent[]): Promise<IccEvent[]> => {
    try {
      const current = requireRunning();
      return publish(apply(current.engine, current.context.clock.now()));
    } catch (error) {
      return Promise.reject(error);
    }
  };

  return {
    vendor: 'mock',
    capabilities: MOCK_CAPABILITIES,
    telephony: {
      setBehaviour: (phoneNumber, behaviour) => {
        if (running) running.telephony.setBehaviour(phoneNumber, behaviour);
        else pendingBehaviours.push((telephony) => telephony.setBehaviour(phoneNumber, behaviour));
      },
      clearBehaviours: () => {
        pendingBehaviours = [];
        running?.telephony.clearBehaviours();
      },
      activeCalls: () => running?.telephony.activeCalls() ?? 0,
    },
    async start(context) {
      if (running) throw new IccError('vendor_unavailable', 'The mock vendor is already started');
      const engine = createCallbackEngine({
        vendor: 'mock',
        capabilities: MOCK_CAPABILITIES,
        queues: context.queues,
        agents: context.agents,
        // The engine forgets closed callbacks; the store still knows them (idempotency, refusals).
        storedCallback: (callbackId) => context.getCallback(callbackId),
      });
      const telephony = createMockTelephony({
        clock: context.clock,
        defaultBehaviour: config.defaultBehaviour,
        ...(config.randomTelephony ? { randomSeed: config.seed } : {}),
        report: (interactionId, outcome) => {
          void change((current, now) => current.telephony(interactionId, outcome, now)).catch(() => undefined);
        },
      });
      for (const apply of pendingBehaviours) apply(telephony);
      pendingBehaviours = [];
      running = { context, engine, telephony };
      await publish(engine.restore(context.openInteractions, context.getCallback, context.clock.now()));
    },
    async stop() {
      if (!running) return;
      running.cancelWake?.();
      running.telephony.stop();
      running = undefined;
    },
    requestCallback: (request, identity) => change((engine, now) => engine.requestCallback(request, identity, now)),
    updateCallback: (callbackId, changes) => change((engine, now) => engine.updateCallback(callbackId, changes, now)),
    cancelCallback: (callbackId, actor, reason) =>
      change((engine, now) => engine.cancelCallback(callbackId, actor, reason, now)),
    reschedule: (callbackId, request, actor) => change((engine, now) => engine.reschedule(callbackId, request, actor, now)),
    setPresence: (agentId, presence) => change((engine, now) => engine.setPresence(agentId, presence, now)),
    execute: (agentId, command) => change((engine, now) => engine.execute(agentId, command, now)),
    queuePosition: (callbackId) => {
      const current = requireRunning();
      return current.engine.queuePosition(callbackId, current.context.clock.now());
    },
  };
}
