/**
 * A synchronous-read port with every method answering a promise: what a networked store (PostgreSQL)
 * can offer. Methods that already return a promise keep their result type.
 */
export type Asynchronous<Port> = {
  [Method in keyof Port]: Port[Method] extends (...args: infer Args) => infer Result ? (...args: Args) => Promise<Awaited<Result>> : never;
};

/** Every method of `port` seen through a promise: a synchronous throw becomes a rejection. */
export function asAsynchronous<Port extends object>(port: Port | Asynchronous<Port>): Asynchronous<Port> {
  return new Proxy(port, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => (value as (...args: unknown[]) => unknown).apply(target, args);
    },
  }) as unknown as Asynchronous<Port>;
}
