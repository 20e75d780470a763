import type { SelectablePresence } from '@icc/protocol';
import type { AmazonConnectAdapterConfig } from './amazon-connect-config';

/** The Connect agent status (AgentStatusId for PutUserStatus) an ICC presence stands for. */
export function mapPresenceToAgentStatus(presence: SelectablePresence, statuses: AmazonConnectAdapterConfig['agentStatuses']): string {
  return statuses[presence];
}
