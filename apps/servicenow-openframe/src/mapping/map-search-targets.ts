import type { Agent, AgentCommandType, Interaction, Presence, QueueConfig } from '@icc/protocol';
import type { SearchTargetListContext } from '../contract/search-target-list-context';

export interface SearchTargetsInput {
  interaction: Interaction;
  allowed: ReadonlySet<AgentCommandType>;
  queues: readonly QueueConfig[];
  agents: readonly Agent[];
  /** The signed-in agent, never a target. */
  meId: string;
  /** From the getSearchTarget payload: "queue" lists queues, anything else agents (the page's example). */
  searchType: string | undefined;
  searchTerm: string | undefined;
}

/** Onto the four values § searchTargetList.targets.payload.list.presence allows; anything else (e.g. a later system presence) is busy. */
const PRESENCE: Partial<Record<Presence, 'available' | 'away' | 'busy' | 'offline'>> = {
  available: 'available',
  away: 'away',
  busy: 'busy',
  'wrap-up': 'busy',
  offline: 'offline',
};

function matches(name: string, term: string | undefined): boolean {
  return term === undefined || term.trim() === '' || name.toLowerCase().includes(term.trim().toLowerCase());
}

/**
 * The Transfer list for an open interaction (c_openFrameAPI.md § setICContext › searchTargetList).
 * Before the customer is dialed the callback itself moves to a queue or an agent (no blind/consult
 * subtype); during a call only agents are targets, with the subtypes ICC allows (transfer-call is
 * Blind, consult-call is Consult).
 */
export function mapSearchTargets(input: SearchTargetsInput): SearchTargetListContext {
  const { interaction, allowed } = input;
  const callbackTransfer = allowed.has('transfer-callback');
  const wantsQueues = input.searchType === 'queue';
  const targetTypes: ('agent' | 'queue')[] = callbackTransfer ? ['agent', 'queue'] : ['agent'];
  const subtypes = [
    ...(!callbackTransfer && allowed.has('transfer-call') ? [{ id: 'blind' as const, label: 'Blind' as const }] : []),
    ...(!callbackTransfer && allowed.has('consult-call') ? [{ id: 'consult' as const, label: 'Consult' as const }] : []),
  ];
  const transferable = callbackTransfer || subtypes.length > 0;
  const targets =
    !transferable
      ? []
      : wantsQueues && callbackTransfer
        ? [
            {
              type: 'queue' as const,
              payload: {
                list: input.queues
                  .filter((queue) => queue.id !== interaction.queueId && matches(queue.name, input.searchTerm))
                  .map((queue) => ({ id: queue.id, name: queue.name })),
              },
            },
          ]
        : wantsQueues
          ? []
          : [
              {
                type: 'agent' as const,
                ...(subtypes.length > 0 ? { transferSubtypes: subtypes } : {}),
                payload: {
                  list: input.agents
                    .filter((agent) => agent.id !== input.meId && agent.role === 'agent' && matches(agent.displayName, input.searchTerm))
                    .map((agent) => ({ id: agent.id, name: agent.displayName, presence: PRESENCE[agent.presence] ?? 'busy' })),
                },
              },
            ];
  return {
    searchTargetList: [
      {
        nowRecordTable: 'interaction',
        nowRecordId: interaction.id,
        externalId: interaction.id,
        targetTypes,
        targets,
      },
    ],
  };
}
