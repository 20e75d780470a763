import { PutUserStatusCommand } from '@aws-sdk/client-connect';
import type { AdapterRuntime } from './connect-adapter-runtime';

/** PutUserStatus; on an agent who is handling a contact, Connect makes it their next status. */
export async function putUserStatus(runtime: AdapterRuntime, agentId: string, agentStatusId: string): Promise<void> {
  await runtime.api.call(
    'PutUserStatus',
    (client, abortSignal) =>
      client.send(new PutUserStatusCommand({ InstanceId: runtime.config.instanceId, UserId: runtime.connectUserId(agentId), AgentStatusId: agentStatusId }), {
        abortSignal,
      }),
    true,
  );
}
