import { isDeepStrictEqual } from 'node:util';
import { INTERACTION_STATE_TRAITS, type IccEvent, type Interaction } from '@icc/protocol';
import type { DurableState } from './durable-state';
import { pendingDeadlines } from './interaction-deadlines';

/** What restoring after a crash must do to an interaction that was open in the dead process. */
function expectedReconciliation(view: Interaction): ((events: IccEvent[]) => boolean) | undefined {
  if (view.state === 'dialing') return (events) => events[0]?.type === 'interaction.dial-failed' && events[0].failure === 'failed';
  if (INTERACTION_STATE_TRAITS[view.state].liveCall) {
    return (events) => events[0]?.type === 'interaction.call-ended' && events[0].by === 'system';
  }
  if ((view.state === 'queued' || view.state === 'offered') && view.customerOnLine) {
    return (events) => events.some((event) => event.type === 'interaction.rescheduled' && event.by === 'system');
  }
  return undefined;
}

/**
 * Compares what a dead gateway left (`before`) with the state right after the next start: the
 * log is kept as it was and only grows; calls that died with the process are reconciled; every
 * interaction waiting on a timer is untouched, so its deadline (offer expiry, auto-dial, retry,
 * auto-close, scheduled start, expiry) is still the same instant.
 */
export function restartProblems(before: DurableState, after: DurableState): string[] {
  const problems: string[] = [];
  const head = before.events.length;
  if (!isDeepStrictEqual(after.events.slice(0, head), before.events)) problems.push('restart: the log before the crash changed');
  const appended = new Map<string, IccEvent[]>();
  for (const event of after.events.slice(head)) {
    if (!('interactionId' in event)) continue;
    appended.set(event.interactionId, [...(appended.get(event.interactionId) ?? []), event]);
  }
  for (const [interactionId, view] of before.interactions) {
    const events = appended.get(interactionId) ?? [];
    if (!after.interactions.has(interactionId)) {
      problems.push(`restart: interaction ${interactionId} vanished`);
      continue;
    }
    const reconciled = expectedReconciliation(view);
    if (reconciled) {
      if (!reconciled(events)) problems.push(`restart: ${view.state} interaction ${interactionId} was not reconciled (${events.map((e) => e.type).join(', ') || 'no events'})`);
    } else if ((view.state === 'closed' || pendingDeadlines(view).length > 0) && events.length > 0) {
      problems.push(`restart: ${view.state} interaction ${interactionId} changed (${events.map((e) => e.type).join(', ')}) instead of keeping its deadline`);
    }
  }
  for (const [key, callbackId] of before.callbackIdByKey) {
    if (after.callbackIdByKey.get(key) !== callbackId) problems.push(`restart: callback ${key} changed identity`);
  }
  return problems;
}
