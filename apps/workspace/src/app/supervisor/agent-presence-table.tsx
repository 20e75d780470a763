import type { Agent, QueueConfig } from '@icc/protocol';
import { PRESENCE_LABELS } from '../presence/presence-labels';

/** Who is in which presence; updated by `agent.presence-changed` events. */
export function AgentPresenceTable({ agents, queues }: { agents: readonly Agent[]; queues: readonly QueueConfig[] }) {
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
            <th scope="col">Presence</th>
            <th scope="col">Queues</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((agent) => (
            <tr key={agent.id}>
              <th scope="row">{agent.displayName}</th>
              <td>
                <span className="presence-cell">
                  <span className={`presence__dot presence__dot--${agent.presence}`} aria-hidden="true" />
                  {PRESENCE_LABELS[agent.presence]}
                </span>
              </td>
              <td>{agent.queueIds.map((id) => names.get(id) ?? id).join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
