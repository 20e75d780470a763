import { silentLogger, type AsyncEventStore } from '@icc/core';
import type { AccessPrincipal } from '../../auth/access-policy';
import { describeEvent } from '../../events/describe-event';
import { createInteractionTimeline } from '../../events/interaction-timeline';
import { eventFrameFor } from '../../ws/event-frame-for';
import type { StreamRecord } from './load-agent';

/**
 * What each agent's stream owed it, by replaying the stored log (up to `head`) through the same
 * filter the gateway applies: the seqs after its first snapshot that it may see.
 */
export async function expectedStreamSeqs(store: AsyncEventStore, records: ReadonlyMap<string, StreamRecord>, head: number): Promise<Map<string, number[]>> {
  const principals: AccessPrincipal[] = (await store.listAgents())
    .filter((agent) => records.has(agent.id))
    .map((agent) => ({ agentId: agent.id, role: agent.role, queueIds: agent.queueIds }));
  const expected = new Map<string, number[]>(principals.map((principal) => [principal.agentId, []]));
  const timeline = await createInteractionTimeline(store, silentLogger);
  for (const event of await store.readAfter(0, head)) {
    const published = await describeEvent(event, timeline, (agentId) => store.getAgent(agentId));
    for (const principal of principals) {
      const since = records.get(principal.agentId)?.snapshotSeq ?? Number.MAX_SAFE_INTEGER;
      if (event.seq > since && eventFrameFor(principal, published)) expected.get(principal.agentId)?.push(event.seq);
    }
  }
  return expected;
}

/** Each stream delivered exactly what it owed, in order, across every reconnection: no gap, no repeat, nothing of another agent's. */
export function streamProblems(records: ReadonlyMap<string, StreamRecord>, expected: ReadonlyMap<string, readonly number[]>): string[] {
  const problems: string[] = [];
  for (const [agentId, record] of records) {
    const wanted = expected.get(agentId) ?? [];
    if (record.extraSnapshots > 0) problems.push(`${agentId}: ${record.extraSnapshots} resumes were refused`);
    const got = record.eventSeqs;
    const received = new Set(got);
    const owed = new Set(wanted);
    const duplicates = got.filter((seq, index) => index > 0 && seq <= (got[index - 1] as number));
    const missing = wanted.filter((seq) => !received.has(seq));
    const unexpected = got.filter((seq) => !owed.has(seq));
    if (duplicates.length + missing.length + unexpected.length > 0) {
      problems.push(`${agentId}: duplicated ${JSON.stringify(duplicates.slice(0, 5))}, missing ${JSON.stringify(missing.slice(0, 5))}, not theirs ${JSON.stringify(unexpected.slice(0, 5))}`);
    }
  }
  return problems;
}
