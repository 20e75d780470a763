/**
 * Group commit's queue: writes added while a group commits wait, then `commit` takes the next group
 * (`takeGroup` removes it from the front of the waiting writes), one group at a time, in call order.
 * Writes added in the same tick as the first join its group. `commit` settles each write of its
 * group itself and never throws.
 */
export function createWriteGroups<Write>(takeGroup: (waiting: Write[]) => Write[], commit: (group: Write[]) => Promise<void>) {
  const waiting: Write[] = [];
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    await null;
    while (waiting.length > 0) await commit(takeGroup(waiting));
    draining = undefined;
  }

  return {
    add(write: Write): void {
      waiting.push(write);
      draining ??= drain();
    },
    /** Resolves once every write added so far has been committed or refused. */
    async settled(): Promise<void> {
      while (draining) await draining;
    },
  };
}
