import type { Agent, Interaction, MissedOfferCount, QueueConfig } from '@icc/protocol';
import { selectActiveInteractions, selectOffers } from '../interaction/select-interactions';
import { PRESENCE_LABELS } from '../presence/presence-labels';
import { WorkPresenceBadge } from '../presence/work-presence-badge';
import { INTERACTION_STATE_LABELS } from '../ui/interaction-state-labels';
import styles from './supervisor.module.css';

interface AgentPresenceTableProps {
  agents: readonly Agent[];
  queues: readonly QueueConfig[];
  interactions: readonly Interaction[];
  /** Missed and rejected offers per agent over the charts' hour. */
  missed: readonly MissedOfferCount[];
}

function currentWork(agent: Agent, interactions: readonly Interaction[]): string | undefined {
  const [working] = selectActiveInteractions(interactions, agent.id);
  if (working) return `${working.card.customerName} (${working.card.callbackNumber}): ${INTERACTION_STATE_LABELS[working.state]}`;
  const [offer] = selectOffers(interactions, agent.id);
  return offer ? `Offered: ${offer.card.customerName} (${offer.card.callbackNumber})` : undefined;
}

/** Each agent's state as the gateway decides it, its time in state, what they are working on, and their misses. */
export function AgentPresenceTable({ agents, queues, interactions, missed }: AgentPresenceTableProps) {
  const names = new Map(queues.map((queue) => [queue.id, queue.name]));
  const misses = new Map(missed.map((count) => [count.id, count]));
  const rows = agents
    .filter((agent) => agent.role === 'agent')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Agents, their state and time in state, current interaction and missed offers</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">State</th>
            <th scope="col">Working on</th>
            <th scope="col">Missed / rejected (1 h)</th>
            <th scope="col">Queues</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((agent) => {
            const count = misses.get(agent.id);
            return (
              <tr key={agent.id}>
                <th scope="row">{agent.displayName}</th>
                <td>
                  <WorkPresenceBadge agent={agent} />
                  {agent.chosenPresence !== undefined && (
                    <div className={styles.muted}>then {PRESENCE_LABELS[agent.chosenPresence]}</div>
                  )}
                </td>
                <td>{currentWork(agent, interactions) ?? <span className={styles.muted}>—</span>}</td>
                <td>
                  {count ? `${count.timeout} missed, ${count.rejected} rejected` : <span className={styles.muted}>none</span>}
                </td>
                <td>{agent.queueIds.map((id) => names.get(id) ?? id).join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
