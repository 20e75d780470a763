/**
 * A binary min-heap whose items are addressable by key, so any item can be removed in
 * O(log n). `ordered()` walks the items in heap order lazily (O(k log k) for the first k) without
 * changing the heap, which lets callers pass over items cheaply.
 */
export interface IndexedHeap<T> {
  readonly size: number;
  /** Inserts `item`; an item with the same key is replaced. */
  push(item: T): void;
  remove(key: string): T | undefined;
  get(key: string): T | undefined;
  has(key: string): boolean;
  peek(): T | undefined;
  pop(): T | undefined;
  /** Items in order, lazily. Do not change the heap while iterating. */
  ordered(): Generator<T, void, undefined>;
  /** Every item, in no particular order. */
  values(): IterableIterator<T>;
}

export interface IndexedHeapOptions<T> {
  keyOf: (item: T) => string;
  /** Strict order: true when `a` must come out before `b`. */
  precedes: (a: T, b: T) => boolean;
}

interface HeapNode<T> {
  readonly item: T;
  index: number;
}

export function createIndexedHeap<T>({ keyOf, precedes }: IndexedHeapOptions<T>): IndexedHeap<T> {
  const heap: HeapNode<T>[] = [];
  const byKey = new Map<string, HeapNode<T>>();

  const at = (index: number) => heap[index] as HeapNode<T>;
  const nodePrecedes = (a: HeapNode<T>, b: HeapNode<T>) => precedes(a.item, b.item);

  const place = (node: HeapNode<T>, index: number) => {
    heap[index] = node;
    node.index = index;
  };

  const siftUp = (start: number) => {
    const node = at(start);
    let index = start;
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = at(parentIndex);
      if (!nodePrecedes(node, parent)) break;
      place(parent, index);
      index = parentIndex;
    }
    place(node, index);
  };

  const siftDown = (start: number) => {
    const node = at(start);
    let index = start;
    for (;;) {
      const left = 2 * index + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && nodePrecedes(at(right), at(left)) ? right : left;
      if (!nodePrecedes(at(child), node)) break;
      place(at(child), index);
      index = child;
    }
    place(node, index);
  };

  const removeNode = (node: HeapNode<T>): T => {
    const last = heap.pop() as HeapNode<T>;
    if (last !== node) {
      place(last, node.index);
      if (node.index > 0 && nodePrecedes(last, at((node.index - 1) >> 1))) siftUp(node.index);
      else siftDown(node.index);
    }
    byKey.delete(keyOf(node.item));
    // Stryker disable next-line UnaryOperator: a removed node is unreachable (gone from byKey and the heap), its index is never read again
    node.index = -1;
    return node.item;
  };

  return {
    get size() {
      return heap.length;
    },
    push(item) {
      const key = keyOf(item);
      const existing = byKey.get(key);
      if (existing) removeNode(existing);
      const node: HeapNode<T> = { item, index: heap.length };
      heap.push(node);
      byKey.set(key, node);
      siftUp(node.index);
    },
    remove(key) {
      const node = byKey.get(key);
      return node && removeNode(node);
    },
    get: (key) => byKey.get(key)?.item,
    has: (key) => byKey.has(key),
    peek: () => heap[0]?.item,
    pop: () => (heap.length > 0 ? removeNode(at(0)) : undefined),
    *ordered() {
      // Best-first walk of the heap tree: a frontier of heap indices, itself a small heap.
      if (heap.length === 0) return;
      const frontier = createIndexFrontier((a, b) => nodePrecedes(at(a), at(b)));
      frontier.push(0);
      for (let index = frontier.pop(); index !== undefined; index = frontier.pop()) {
        yield at(index).item;
        const left = 2 * index + 1;
        if (left < heap.length) frontier.push(left);
        if (left + 1 < heap.length) frontier.push(left + 1);
      }
    },
    *values() {
      for (const node of heap) yield node.item;
    },
  };
}

function createIndexFrontier(precedes: (a: number, b: number) => boolean) {
  const indices: number[] = [];
  return {
    push(value: number) {
      let index = indices.length;
      indices.push(value);
      while (index > 0) {
        const parentIndex = (index - 1) >> 1;
        const parent = indices[parentIndex] as number;
        if (!precedes(value, parent)) break;
        indices[index] = parent;
        index = parentIndex;
      }
      indices[index] = value;
    },
    pop(): number | undefined {
      const top = indices[0];
      const last = indices.pop();
      // Stryker disable next-line ConditionalExpression: top and last are undefined together (an empty frontier), so either test alone decides
      if (top === undefined || last === undefined || indices.length === 0) return top;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= indices.length) break;
        const right = left + 1;
        const child = right < indices.length && precedes(indices[right] as number, indices[left] as number) ? right : left;
        if (!precedes(indices[child] as number, last)) break;
        indices[index] = indices[child] as number;
        index = child;
      }
      indices[index] = last;
      return top;
    },
  };
}
