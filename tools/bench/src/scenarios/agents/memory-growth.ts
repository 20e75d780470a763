import type { ChildMemory } from '../../process/child-side';

export interface MemoryGrowth {
  idle: { before: ChildMemory; after: ChildMemory };
  /** JS heap plus Buffers and other memory V8 is told about, after a full GC: what each connection keeps. */
  retainedKbPerConnection: number;
  /** RSS also keeps the allocator's high-water mark of the connect burst (snapshots being written), which a GC does not hand back. */
  rssKbPerConnection: number;
}

/** What each of `connections` sockets added to a server, from its memory before dialling and once they are all idle. */
export function memoryGrowth(before: ChildMemory, after: ChildMemory, connections: number): MemoryGrowth {
  return {
    idle: { before, after },
    retainedKbPerConnection: (after.heapUsed + after.external - before.heapUsed - before.external) / 1024 / connections,
    rssKbPerConnection: (after.rss - before.rss) / 1024 / connections,
  };
}
