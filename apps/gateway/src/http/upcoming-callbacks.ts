import type { AsyncEventStore } from '@icc/core';
import type { Callback } from '@icc/protocol';
import type { AccessPrincipal } from '../auth/access-policy';

/** Waiting to be called: scheduled for later, or kept for one agent. */
function isUpcoming(callback: Callback): boolean {
  return callback.state === 'pending' && (callback.schedule.type === 'scheduled' || callback.assignedAgentId !== undefined);
}

function startOf(callback: Callback): number {
  return Date.parse(callback.schedule.type === 'scheduled' ? callback.schedule.start : callback.requestedAt);
}

/**
 * My callbacks → Scheduled: the waiting callbacks of the caller's queues (every queue for a
 * supervisor) that the access policy lets them see, soonest first. Callbacks kept for another
 * agent are that agent's work and are left out for agents.
 */
export async function upcomingCallbacks(
  store: AsyncEventStore,
  principal: AccessPrincipal,
  limit: number,
  mayList: (callback: Callback) => Promise<boolean>,
): Promise<Callback[]> {
  const supervisor = principal.role === 'supervisor';
  const queueIds = supervisor ? (await store.listQueues()).map((queue) => queue.id) : principal.queueIds;
  const found = new Map<string, Callback>();
  for (const queueId of queueIds) {
    let cursor: string | undefined;
    do {
      const page = await store.listCallbacks({ queueId, state: 'pending', limit: 200, ...(cursor ? { cursor } : {}) });
      for (const callback of page.items) {
        const someoneElses = !supervisor && callback.assignedAgentId !== undefined && callback.assignedAgentId !== principal.agentId;
        if (isUpcoming(callback) && !someoneElses && (await mayList(callback))) found.set(callback.id, callback);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
  }
  return [...found.values()].sort((a, b) => startOf(a) - startOf(b) || a.number.localeCompare(b.number)).slice(0, limit);
}
