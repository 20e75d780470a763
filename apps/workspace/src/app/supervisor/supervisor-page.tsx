import { useId } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PageHeading } from '../ui/page-heading';
import { AgentPresenceTable } from './agent-presence-table';
import { QueueStatsTable } from './queue-stats-table';

/** Live queue figures from `queue.stats` frames and the agents' presence. */
export function SupervisorPage() {
  const { queues, queueStats, agents, interactions } = useWorkspaceState();
  const queuesHeadingId = useId();
  const agentsHeadingId = useId();
  return (
    <div className="page">
      <PageHeading>Supervisor</PageHeading>
      <section className="section" aria-labelledby={queuesHeadingId}>
        <h2 id={queuesHeadingId} className="section__title">
          Queues <span className="live-dot">Live</span>
        </h2>
        <QueueStatsTable queues={queues} stats={queueStats} />
      </section>
      <section className="section" aria-labelledby={agentsHeadingId}>
        <h2 id={agentsHeadingId} className="section__title">
          Agents
        </h2>
        <AgentPresenceTable agents={agents} queues={queues} interactions={interactions} />
      </section>
    </div>
  );
}
