import type { Agent, Interaction, QueueConfig } from '@icc/protocol';
import { WorkPresenceBadge } from '../presence/work-presence-badge';

interface AgentPresenceTableProps {
  agents: readonly Agent[];
  queues: readonly QueueConfig[];
  interactions: readonly Interaction[];
}

/** Each agent's state (the work first: Busy, After-call work) with its time in state. */
export function AgentPresenceTable({ agents, queues, interactions }: AgentPresenceTableProps) {
  const names = new Map(queues.map((queue) => [queue.id, queue.name]));
  const rows = agents
    .filter((agent) => agent.role === 'agent')
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Agents and their presence</caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">State</th>
            <th scope="col">Queues</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((agent) => (
            <tr key={agent.id}>
              <th scope="row">{agent.displayName}</th>
              <td>
                <WorkPresenceBadge agent={agent} interactions={interactions} />
              </td>
              <td>{agent.queueIds.map((id) => names.get(id) ?? id).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
