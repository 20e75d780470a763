import type { ChildMemory } from '../../process/child-side';
import { memoryGrowth } from './memory-growth';

const memory = (rss: number, heapUsed: number, external: number): ChildMemory => ({ type: 'memory', rss, heapUsed, external, collected: true });

describe('memoryGrowth', () => {
  it('divides what the heap and Buffers gained by the connections, and reports RSS growth apart', () => {
    const growth = memoryGrowth(memory(100 * 1024 ** 2, 40 * 1024 ** 2, 2 * 1024 ** 2), memory(300 * 1024 ** 2, 100 * 1024 ** 2, 22 * 1024 ** 2), 10_000);
    expect(growth.retainedKbPerConnection).toBeCloseTo((80 * 1024) / 10_000);
    expect(growth.rssKbPerConnection).toBeCloseTo((200 * 1024) / 10_000);
  });
});
