import type { RequestHandler } from 'express';

/** Counts requests being handled, so shutdown can wait for them while still answering new ones. */
export interface InFlightRequests {
  middleware: RequestHandler;
  count(): number;
  /** Resolves once no request is being handled. */
  idle(): Promise<void>;
}

export function createInFlightRequests(): InFlightRequests {
  let active = 0;
  let waiters: Array<() => void> = [];
  const done = () => {
    active -= 1;
    if (active > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    middleware(_req, res, next) {
      active += 1;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        done();
      };
      res.once('finish', finish);
      res.once('close', finish);
      next();
    },
    count: () => active,
    idle: () => (active === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
  };
}
