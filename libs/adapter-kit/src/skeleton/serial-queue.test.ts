import { createSerialQueue } from './serial-queue';

describe('createSerialQueue', () => {
  it('runs tasks one after another in the order given, even when an earlier one is slower', async () => {
    const queue = createSerialQueue();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const slow = queue.run(async () => {
      await new Promise<void>((resolve) => (release = resolve));
      order.push('slow');
      return 1;
    });
    const fast = queue.run(async () => {
      order.push('fast');
      return 2;
    });
    await Promise.resolve();
    expect(queue.pending()).toBe(2);
    release();
    expect(await Promise.all([slow, fast])).toEqual([1, 2]);
    expect(order).toEqual(['slow', 'fast']);
    expect(queue.pending()).toBe(0);
  });

  it('keeps going after a task fails, and hands the failure to that task\'s caller only', async () => {
    const queue = createSerialQueue();
    const failed = queue.run(() => Promise.reject(new Error('vendor down')));
    const next = queue.run(async () => 'ran');
    await expect(failed).rejects.toThrow('vendor down');
    await expect(next).resolves.toBe('ran');
    expect(queue.pending()).toBe(0);
  });
});
