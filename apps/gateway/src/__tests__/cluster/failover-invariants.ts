import { reduceInteraction } from '@icc/core';
import { INTERACTION_STATE_TRAITS, isInteractionEvent, type IccEvent, type IccEventOf, type Interaction } from '@icc/protocol';
import { eventsByInteraction } from '../reliability/durable-invariants';

/**
 * What must hold of the shared log after a failover, read from PostgreSQL once the run is over.
 * Each checker answers a list of problems (empty: it holds) and is tested on synthetic logs that
 * break it (failover-invariants.test.ts).
 */

type Created = IccEventOf<'interaction.created'>;
const isCreated = (event: IccEvent): event is Created => event.type === 'interaction.created';

/** Every callback the gateways answered 2xx for is in the log exactly once; no callback was created twice. */
export function callbackOnceProblems(events: readonly IccEvent[], acknowledgedIds: Iterable<string>): string[] {
  const created = new Map<string, number>();
  // A transfer opens a second interaction for the same callback: not a second callback.
  for (const event of events) if (isCreated(event) && event.transferredFrom === undefined) created.set(event.callbackId, (created.get(event.callbackId) ?? 0) + 1);
  const problems: string[] = [];
  for (const id of new Set(acknowledgedIds)) {
    const times = created.get(id) ?? 0;
    if (times !== 1) problems.push(`callback ${id} answered 2xx is in the log ${times} times`);
  }
  for (const [id, times] of created) if (times > 1) problems.push(`callback ${id} was created ${times} times`);
  return problems;
}

/**
 * No interaction is offered while an offer of it is still open (to another agent, or the same one
 * a second time): a second owner routing the same work would do exactly that.
 */
export function overlappingOfferProblems(events: readonly IccEvent[]): string[] {
  const problems: string[] = [];
  for (const [interactionId, own] of eventsByInteraction(events)) {
    let view: Interaction | undefined;
    let openOffer: { agentId: string; seq: number } | undefined;
    for (const event of own) {
      if (!isInteractionEvent(event)) continue;
      if (event.type === 'interaction.offered') {
        if (view?.state === 'offered' && openOffer) {
          problems.push(`interaction ${interactionId}: offered to ${event.agentId} (seq ${event.seq}) while its offer to ${openOffer.agentId} (seq ${openOffer.seq}) was still open`);
          // The state machine refuses the rest of this history: one problem per interaction is enough.
          break;
        }
        openOffer = { agentId: event.agentId, seq: event.seq };
      }
      try {
        view = reduceInteraction(view, event);
      } catch (error) {
        problems.push(`interaction ${interactionId}: seq ${event.seq} does not apply (${(error as Error).message})`);
        break;
      }
    }
  }
  return problems;
}

/**
 * No agent is offered an interaction while another one holds them (offered to, or being worked
 * by them): two owners routing at once would each see the agent free.
 */
export function doubleBookedAgentProblems(events: readonly IccEvent[]): string[] {
  const problems: string[] = [];
  const views = new Map<string, Interaction>();
  for (const event of events) {
    if (!isInteractionEvent(event)) continue;
    if (event.type === 'interaction.offered') {
      const holding = [...views.values()].find(
        (view) => view.id !== event.interactionId && view.agentId === event.agentId && INTERACTION_STATE_TRAITS[view.state].holdsAgent,
      );
      if (holding) problems.push(`${event.agentId}: offered ${event.interactionId} (seq ${event.seq}) while ${holding.state} with ${holding.id} (seq ${holding.seq})`);
    }
    try {
      views.set(event.interactionId, reduceInteraction(views.get(event.interactionId), event));
    } catch {
      // overlappingOfferProblems reports what does not apply.
    }
  }
  return problems;
}

export interface ScheduledStart {
  interactionId: string;
  callbackId: string;
  dueAt: number;
  /** When its start event was appended, as the log observer saw it (else the event's own `at`). */
  startedAt: number;
  /** Lateness from the later of its due time and the moment the cluster could act again. */
  lateMs: number;
}

/**
 * Every scheduled callback due by `dueBy` started exactly once (`interaction.queued`, cause
 * `schedule-start`): none lost, none fired twice. Lateness counts from the later of its due time
 * and the end of the outage it fell into (`outages`: [fault, recovered] in epoch ms), to when its
 * start was appended (`appendedAt`: seq → epoch ms).
 */
export function scheduledStartProblems(
  events: readonly IccEvent[],
  dueBy: number,
  outages: ReadonlyArray<readonly [number, number]> = [],
  appendedAt: ReadonlyMap<number, number> = new Map(),
): { problems: string[]; starts: ScheduledStart[] } {
  const problems: string[] = [];
  const starts: ScheduledStart[] = [];
  for (const [interactionId, own] of eventsByInteraction(events)) {
    const created = own.find(isCreated);
    if (!created || created.initialState !== 'scheduled') continue;
    const dueAt = Date.parse(created.scheduledAt ?? (created.callback.schedule.type === 'scheduled' ? created.callback.schedule.start : created.at));
    if (dueAt > dueBy) continue;
    const fired = own.filter((event) => event.type === 'interaction.queued' && event.cause === 'schedule-start');
    if (fired.length !== 1) {
      problems.push(`scheduled interaction ${interactionId} due ${new Date(dueAt).toISOString()} started ${fired.length} times`);
      continue;
    }
    // The engine stamps a timer's event with its due instant: only the observed append time shows lateness.
    const start = fired[0] as IccEvent;
    const startedAt = appendedAt.get(start.seq) ?? Date.parse(start.at);
    const actableFrom = outages.reduce((from, [fault, recovered]) => (from >= fault && from <= recovered ? recovered : from), dueAt);
    starts.push({ interactionId, callbackId: created.callbackId, dueAt, startedAt, lateMs: startedAt - actableFrom });
  }
  return { problems, starts };
}

/** The `fraction` quantile (nearest rank) of `values`; 0 for none. */
export function quantile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] as number;
}
