import { useId } from 'react';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PageHeading } from '../ui/page-heading';
import { useNow } from '../ui/use-now';
import { AgentPresenceTable } from './agent-presence-table';
import { MissedOffersSection } from './missed-offers-section';
import { QueueCallingHoursTable } from './queue-calling-hours-table';
import { QueueStatsTable } from './queue-stats-table';
import { SupervisorCharts } from './supervisor-charts';
import { useMissedOffers } from './use-missed-offers';
import { useQueueHistory } from './use-queue-history';
import { WaitingCallbacksTable } from './waiting-callbacks-table';

/**
 * The supervisor's live view: the last hour in charts (the gateway's history, refreshed by the
 * stream), the queues' figures, each agent's state and work, missed offers, the callbacks
 * still waiting, which can be rescheduled or cancelled from here, and each queue's calling hours. Loaded on demand (its own chunk).
 */
export function SupervisorPage() {
  const { queues, queueStats, agents, interactions } = useWorkspaceState();
  const now = useNow();
  const history = useQueueHistory();
  const missed = useMissedOffers(history.history?.from);
  const chartsId = useId();
  const queuesHeadingId = useId();
  const agentsHeadingId = useId();
  const missedHeadingId = useId();
  const waitingHeadingId = useId();
  const settingsHeadingId = useId();
  return (
    <div className="page">
      <PageHeading>Supervisor</PageHeading>
      <section className="section" aria-labelledby={chartsId}>
        <h2 id={chartsId} className="section__title">
          Last hour <span className="live-dot">Live</span>
        </h2>
        {history.error && <p role="alert">Charts unavailable: {history.error}</p>}
        {history.history ? (
          <SupervisorCharts queues={queues} history={history.history} stats={queueStats} now={now} />
        ) : (
          !history.error && <p>Loading the last hour…</p>
        )}
      </section>
      <section className="section" aria-labelledby={queuesHeadingId}>
        <h2 id={queuesHeadingId} className="section__title">
          Queues
        </h2>
        <QueueStatsTable queues={queues} stats={queueStats} />
      </section>
      <section className="section" aria-labelledby={agentsHeadingId}>
        <h2 id={agentsHeadingId} className="section__title">
          Agents
        </h2>
        <AgentPresenceTable agents={agents} queues={queues} interactions={interactions} missed={missed.page?.totals.byAgent ?? []} />
      </section>
      <section className="section" aria-labelledby={missedHeadingId}>
        <h2 id={missedHeadingId} className="section__title">
          Missed and rejected offers (last hour)
        </h2>
        {missed.error && <p role="alert">Missed offers unavailable: {missed.error}</p>}
        {missed.page && <MissedOffersSection page={missed.page} queues={queues} agents={agents} />}
      </section>
      <section className="section" aria-labelledby={waitingHeadingId}>
        <h2 id={waitingHeadingId} className="section__title">
          Waiting callbacks
        </h2>
        <WaitingCallbacksTable queues={queues} interactions={interactions} agents={agents} />
      </section>
      <section className="section" aria-labelledby={settingsHeadingId}>
        <h2 id={settingsHeadingId} className="section__title">
          Queue settings: calling hours
        </h2>
        <QueueCallingHoursTable queues={queues} />
      </section>
    </div>
  );
}
