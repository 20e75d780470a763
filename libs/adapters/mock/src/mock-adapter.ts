import { createAdapterEmitter, createAdapterLifecycle, createTimerSet, type EmitEvents, type TimerSet } from '@icc/adapter-kit';
import type { AdapterContext, CcaasAdapterV1 } from '@icc/core';
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
  emit: EmitEvents;
  /** One timer: the engine's next wake-up. */
  wake: TimerSet;
}

const WAKE = 'engine';

/**
 * A simulated CCaaS: the core callback engine as its brain and a simulated telephone network.
 * Its state is a fold of the events it emitted (the engine's own book), so after a restart it
 * resumes from the persisted open interactions. Lifecycle and event delivery are the kit's skeleton.
 */
export function createMockAdapter(configInput: MockAdapterConfigInput = {}): MockAdapter {
  const config = MockAdapterConfig.parse(configInput);
  let pendingBehaviours: Array<(telephony: MockTelephony) => void> = [];

  const publish = (running: Running, events: NewIccEvent[]): Promise<IccEvent[]> => {
    running.telephony.observe(events);
    armWake(running);
    return running.emit(events);
  };

  const armWake = (running: Running) => {
    const wakeAt = running.engine.nextWakeAt();
    if (wakeAt === running.wake.dueAt(WAKE)) return;
    if (wakeAt === undefined) return running.wake.cancel(WAKE);
    running.wake.set(WAKE, wakeAt, () => {
      if (!lifecycle.isCurrent(running)) return;
      void publish(running, running.engine.tick(running.context.clock.now())).catch(() => undefined);
    });
  };

  const change = (apply: (engine: CallbackEngine, now: number) => NewIccEvent[]): Promise<IccEvent[]> =>
    lifecycle.use((running) => publish(running, apply(running.engine, running.context.clock.now())));

  const lifecycle = createAdapterLifecycle<Running>({
    name: 'The mock vendor',
    async start(context, signal) {
      const engine = createCallbackEngine({
        vendor: 'mock',
        capabilities: MOCK_CAPABILITIES,
        queues: context.queues,
        ...(context.queueVersion ? { queueVersion: context.queueVersion.bind(context) } : {}),
        agents: context.agents,
        // The engine forgets closed callbacks; the store still knows them (idempotency, refusals).
        storedCallback: (callbackId) => context.getCallback(callbackId),
        ...(config.missedOffersBeforeNotResponding !== undefined
          ? { missedOffersBeforeNotResponding: config.missedOffersBeforeNotResponding }
          : {}),
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
      const running: Running = {
        context,
        engine,
        telephony,
        emit: createAdapterEmitter({ vendor: 'mock vendor', context, signal }),
        wake: createTimerSet(context.clock),
      };
      await publish(running, engine.restore(context.openInteractions, context.getCallback, context.clock.now()));
      return running;
    },
    stop(running) {
      running.wake.clear();
      running.telephony.stop();
    },
  });

  return {
    specificationVersion: 'v1',
    vendor: 'mock',
    capabilities: MOCK_CAPABILITIES,
    telephony: {
      setBehaviour: (phoneNumber, behaviour) => {
        const running = lifecycle.running();
        if (running) running.telephony.setBehaviour(phoneNumber, behaviour);
        else pendingBehaviours.push((telephony) => telephony.setBehaviour(phoneNumber, behaviour));
      },
      clearBehaviours: () => {
        pendingBehaviours = [];
        lifecycle.running()?.telephony.clearBehaviours();
      },
      activeCalls: () => lifecycle.running()?.telephony.activeCalls() ?? 0,
    },
    start: lifecycle.start,
    stop: lifecycle.stop,
    requestCallback: (request, identity) => change((engine, now) => engine.requestCallback(request, identity, now)),
    updateCallback: (callbackId, changes) => change((engine, now) => engine.updateCallback(callbackId, changes, now)),
    cancelCallback: (callbackId, actor, reason) => change((engine, now) => engine.cancelCallback(callbackId, actor, reason, now)),
    reschedule: (callbackId, request, actor) => change((engine, now) => engine.reschedule(callbackId, request, actor, now)),
    setPresence: (agentId, presence) => change((engine, now) => engine.setPresence(agentId, presence, now)),
    execute: (agentId, command) => change((engine, now) => engine.execute(agentId, command, now)),
    applyQueueConfig: (queue) => change((engine, now) => engine.applyQueueConfig(queue, now)),
    removeQueue: (queueId) => change((engine, now) => engine.removeQueue(queueId, now)),
    queuePosition: (callbackId) => {
      const running = lifecycle.current();
      return running.engine.queuePosition(callbackId, running.context.clock.now());
    },
  };
}
