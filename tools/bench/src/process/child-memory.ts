import type { ChildMemory } from './child-side';
import type { BenchChild } from './spawn-bench-child';

/** The child's memory after a full GC (it must run `answerMemoryQueries` and start with `--expose-gc`). */
export async function readChildMemory(child: BenchChild): Promise<ChildMemory> {
  const answer = child.next<ChildMemory>('memory', 30_000);
  child.send({ type: 'memory' });
  const memory = await answer;
  if (!memory.collected) throw new Error('the child ran without --expose-gc: its memory would include garbage');
  return memory;
}
