import type { AdapterRuntime } from './connect-adapter-runtime';
import { putUserStatus } from './connect-put-user-status';

/**
 * Runs `work` (clearing the agent's CCP slot, then placing a call in it) with the agent out of
 * Connect's routing. Clearing after-contact work frees the agent's one voice slot, and Connect
 * offers an Available agent the next queued contact at once, before the call they meant to
 * place; agents who dial out use a non-routable status for that reason. While the agent handles
 * a contact, PutUserStatus sets their next status: `away` applies as the slot is cleared, and
 * `available`, put back afterwards, once the call placed meanwhile is cleared.
 */
export async function withAgentOutOfRouting<T>(runtime: AdapterRuntime, agentId: string, work: () => Promise<T>): Promise<T> {
  const stillAvailable = () => runtime.book.presence.get(agentId) === 'available';
  if (!stillAvailable()) return work();
  await putUserStatus(runtime, agentId, runtime.config.agentStatuses.away);
  try {
    return await work();
  } finally {
    // An agent who chose another presence meanwhile already has its status in Connect.
    if (stillAvailable()) {
      await putUserStatus(runtime, agentId, runtime.config.agentStatuses.available).catch((error: unknown) =>
        runtime.context.logger.error({ err: error, agentId }, 'amazon-connect: the agent stays away in Connect after a Retry call; set their presence again'),
      );
    }
  }
}
