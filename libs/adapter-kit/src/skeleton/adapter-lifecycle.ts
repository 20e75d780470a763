import { IccError, type AdapterContext, type Logger } from '@icc/core';

export interface AdapterLifecycleOptions<Running> {
  /** Names the adapter in errors and logs: `The Amazon Connect adapter is not started`. */
  name: string;
  /**
   * Builds what a started adapter holds (clients, sockets, the interaction book). `signal` aborts
   * when the adapter stops, or when this start fails; hand it to every vendor call and wait.
   */
  start(context: AdapterContext, signal: AbortSignal): Promise<Running> | Running;
  /** Lets go of it (close sockets, destroy clients), after tracked work settled. */
  stop?(running: Running): Promise<void> | void;
}

/** `start` once, `stop` once (again: nothing), and the running state for the port methods in between. */
export interface AdapterLifecycle<Running> {
  /** Rejects with `vendor_unavailable` when already started or starting; a failed start leaves it stopped. */
  start(context: AdapterContext): Promise<void>;
  /** Aborts the signal, waits for tracked work, then the adapter's own `stop`. Idempotent. */
  stop(): Promise<void>;
  /** The running state; throws `vendor_unavailable` "<name> is not started" otherwise. */
  current(): Running;
  /** The running state, if started. */
  running(): Running | undefined;
  /** Whether `running` is still the live one: a timer or answer of a stopped run checks this and does nothing. */
  isCurrent(running: Running): boolean;
  /** Runs `work` on the running state; a throw (not started) becomes a rejection, as port methods answer. */
  use<T>(work: (running: Running) => Promise<T> | T): Promise<T>;
  /**
   * Port methods written as functions of the running state (`cancel(running, callbackId, …)`):
   * each becomes the method without it, run through `use`.
   */
  bind<Methods extends Record<string, (running: Running, ...args: never[]) => unknown>>(methods: Methods): BoundToRun<Running, Methods>;
  /** Background work (timer actions, read-backs): `stop()` waits for it; a failure is logged, never unhandled. */
  track(work: Promise<unknown>): void;
}

export type BoundToRun<Running, Methods> = {
  [Name in keyof Methods]: Methods[Name] extends (running: Running, ...args: infer Args) => infer Answer ? (...args: Args) => Promise<Awaited<Answer>> : never;
};

interface Run<Running> {
  running: Running | undefined;
  context: AdapterContext;
  abort: AbortController;
}

export function createAdapterLifecycle<Running>(options: AdapterLifecycleOptions<Running>): AdapterLifecycle<Running> {
  let run: Run<Running> | undefined;
  const background = new Set<Promise<unknown>>();
  let logger: Logger | undefined;

  const current = (): Running => {
    if (run?.running === undefined) throw new IccError('vendor_unavailable', `${options.name} is not started`);
    return run.running;
  };

  const use = async <T>(work: (running: Running) => Promise<T> | T): Promise<T> => work(current());

  return {
    async start(context) {
      if (run) throw new IccError('vendor_unavailable', `${options.name} is already started`);
      const starting: Run<Running> = { running: undefined, context, abort: new AbortController() };
      run = starting;
      logger = context.logger;
      try {
        starting.running = await options.start(context, starting.abort.signal);
      } catch (error) {
        starting.abort.abort(error);
        if (run === starting) run = undefined;
        throw error;
      }
      if (run !== starting) {
        // Stopped while starting: let go of what the start built.
        await options.stop?.(starting.running);
      }
    },
    async stop() {
      const stopping = run;
      if (!stopping) return;
      run = undefined;
      stopping.abort.abort(new IccError('shutting_down', `${options.name} stopped`));
      while (background.size > 0) await Promise.allSettled([...background]);
      if (stopping.running !== undefined) await options.stop?.(stopping.running);
    },
    current,
    running: () => run?.running,
    isCurrent: (running) => run !== undefined && run.running === running,
    use,
    bind: (methods) =>
      Object.fromEntries(
        Object.entries(methods).map(([name, method]) => [name, (...args: never[]) => use((running) => method(running, ...args))]),
      ) as BoundToRun<Running, typeof methods>,
    track(work) {
      const tracked = work.catch((error: unknown) => {
        logger?.warn({ err: error }, `${options.name}: background work failed`);
      });
      background.add(tracked);
      void tracked.finally(() => background.delete(tracked));
    },
  };
}
