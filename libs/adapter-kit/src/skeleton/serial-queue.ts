/** Runs tasks one after another, in the order given, so events reach the sink in the order they happened. */
export interface SerialQueue {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running. */
  pending(): number;
}

export function createSerialQueue(): SerialQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  return {
    run(task) {
      pending += 1;
      const result = tail.then(task);
      const done = () => {
        pending -= 1;
      };
      tail = result.then(done, done);
      return result;
    },
    pending: () => pending,
  };
}
