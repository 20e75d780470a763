import { createFakeClock, createInMemoryEventStore, silentLogger, type AdapterContext } from '@icc/core';
import { createRecordingLogger } from '../conformance/recording-logger';
import { createAdapterLifecycle } from './adapter-lifecycle';

function contextWith(overrides: Partial<AdapterContext> = {}): AdapterContext {
  const store = createInMemoryEventStore();
  return {
    sink: { emit: (events) => store.append(events) },
    clock: createFakeClock(),
    logger: silentLogger,
    queues: [],
    agents: [],
    openInteractions: [],
    getCallback: () => undefined,
    ...overrides,
  } as AdapterContext;
}

function lifecycleWith(start: (signal: AbortSignal) => Promise<{ id: number }> | { id: number } = () => ({ id: 1 })) {
  const stopped: number[] = [];
  const signals: AbortSignal[] = [];
  const lifecycle = createAdapterLifecycle<{ id: number }>({
    name: 'The acme adapter',
    start: (_context, signal) => {
      signals.push(signal);
      return start(signal);
    },
    stop: (running) => {
      stopped.push(running.id);
    },
  });
  return { lifecycle, stopped, signals };
}

describe('createAdapterLifecycle', () => {
  it('starts once: the running state is there until stop, a second start is refused', async () => {
    const { lifecycle } = lifecycleWith();
    expect(() => lifecycle.current()).toThrow(expect.objectContaining({ code: 'vendor_unavailable', message: 'The acme adapter is not started' }));
    await lifecycle.start(contextWith());
    expect(lifecycle.current()).toEqual({ id: 1 });
    await expect(lifecycle.start(contextWith())).rejects.toMatchObject({ code: 'vendor_unavailable', message: 'The acme adapter is already started' });
  });

  it('refuses a start while another is still starting', async () => {
    let finish: (value: { id: number }) => void = () => undefined;
    const { lifecycle } = lifecycleWith(() => new Promise((resolve) => (finish = resolve)));
    const first = lifecycle.start(contextWith());
    await expect(lifecycle.start(contextWith())).rejects.toMatchObject({ message: 'The acme adapter is already started' });
    finish({ id: 1 });
    await first;
    expect(lifecycle.current()).toEqual({ id: 1 });
  });

  it('stops once: aborts the signal, calls the adapter stop, and a second stop does nothing', async () => {
    const { lifecycle, stopped, signals } = lifecycleWith();
    await lifecycle.start(contextWith());
    const running = lifecycle.current();
    await lifecycle.stop();
    await lifecycle.stop();
    expect(stopped).toEqual([1]);
    expect(signals[0]?.aborted).toBe(true);
    expect(signals[0]?.reason).toMatchObject({ code: 'shutting_down' });
    expect(lifecycle.isCurrent(running)).toBe(false);
    expect(lifecycle.running()).toBeUndefined();
  });

  it('leaves it stopped when the start fails, with the signal aborted, so it can start again', async () => {
    let fail = true;
    const { lifecycle, signals } = lifecycleWith(() => {
      if (fail) throw new Error('vendor down');
      return { id: 2 };
    });
    await expect(lifecycle.start(contextWith())).rejects.toThrow('vendor down');
    expect(signals[0]?.aborted).toBe(true);
    expect(lifecycle.running()).toBeUndefined();
    fail = false;
    await lifecycle.start(contextWith());
    expect(lifecycle.current()).toEqual({ id: 2 });
  });

  it('lets go of what a start built when stop came while it was starting', async () => {
    let finish: (value: { id: number }) => void = () => undefined;
    const { lifecycle, stopped } = lifecycleWith(() => new Promise((resolve) => (finish = resolve)));
    const starting = lifecycle.start(contextWith());
    await lifecycle.stop();
    finish({ id: 7 });
    await starting;
    expect(stopped).toEqual([7]);
    expect(lifecycle.running()).toBeUndefined();
  });

  it('waits in stop for tracked work and logs its failure instead of leaving it unhandled', async () => {
    const logger = createRecordingLogger();
    const { lifecycle, stopped } = lifecycleWith();
    await lifecycle.start(contextWith({ logger }));
    let release: () => void = () => undefined;
    const order: string[] = [];
    lifecycle.track(new Promise<void>((resolve) => (release = resolve)).then(() => order.push('work done')));
    lifecycle.track(Promise.reject(new Error('read-back failed')));
    const stopping = lifecycle.stop().then(() => order.push('stopped'));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(stopped).toEqual([]);
    release();
    await stopping;
    expect(order).toEqual(['work done', 'stopped']);
    expect(logger.entries).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'warn', message: 'The acme adapter: background work failed' })]));
  });

  it('use() answers with a rejection, not a throw, when not started', async () => {
    const { lifecycle } = lifecycleWith();
    const answer = lifecycle.use((running) => running.id);
    await expect(answer).rejects.toMatchObject({ code: 'vendor_unavailable' });
    await lifecycle.start(contextWith());
    await expect(lifecycle.use((running) => running.id)).resolves.toBe(1);
  });

  it('bind() turns functions of the running state into port methods that run through use()', async () => {
    const { lifecycle } = lifecycleWith();
    const port = lifecycle.bind({
      describe: (running: { id: number }, what: string, times?: number) => `${what} ${running.id} x${times ?? 1}`,
      fail: async (_running: { id: number }, message: string): Promise<never> => Promise.reject(new Error(message)),
    });
    await expect(port.describe('run', 2)).rejects.toMatchObject({ code: 'vendor_unavailable' });
    await lifecycle.start(contextWith());
    await expect(port.describe('run', 2)).resolves.toBe('run 1 x2');
    await expect(port.describe('run')).resolves.toBe('run 1 x1');
    await expect(port.fail('no')).rejects.toThrow('no');
  });
});
