import { autoCloseAfterCall } from '@icc/core';
import { INTERACTION_STATE_TRAITS, type Interaction } from '@icc/protocol';
import { nextRetry } from '../retry/retry-policy';
import type { EngineEmitter } from './engine-emitter';
import { interactionQueue } from './engine-queue-configs';
import type { TelephonyOutcome } from './engine-types';

/** What happens when the network reports on the call placed for an interaction. */
export function handleTelephonyOutcome(emitter: EngineEmitter, interactionId: string, outcome: TelephonyOutcome): void {
  const { state, now } = emitter;
  const interaction = state.interactions.get(interactionId);
  if (!interaction) return;
  const ids = { interactionId, callbackId: interaction.callbackId };

  if (outcome === 'customer-hangup') {
    if (INTERACTION_STATE_TRAITS[interaction.state].liveCall) {
      emitter.emit({ type: 'interaction.call-ended', ...ids, by: 'customer', ...autoClose(emitter, interaction) });
    } else if (interaction.customerOnLine && (interaction.state === 'queued' || interaction.state === 'offered')) {
      emitter.emit({
        type: 'interaction.closed',
        ...ids,
        outcome: 'failed',
        by: 'customer',
        detail: 'The customer hung up before an agent answered',
      });
    }
    return;
  }
  // Outcomes for a call that is no longer ringing (ended by the agent, cancelled) are stale.
  if (interaction.state !== 'dialing') return;
  if (outcome === 'answered') {
    emitter.emit({ type: 'interaction.customer-answered', ...ids });
    return;
  }
  emitter.emit({ type: 'interaction.dial-failed', ...ids, failure: outcome });
  if (interaction.mode === 'agent-first') return; // the agent decides: Retry call, reschedule or close

  const callback = state.callbacks.get(interaction.callbackId);
  const policy = callback?.retryPolicy ?? { maxAttempts: interaction.maxAttempts, minIntervalSeconds: 60 };
  const expireAt = interaction.expireAt === undefined ? undefined : Date.parse(interaction.expireAt);
  const decision = nextRetry(policy, interaction.attempts.length, now, expireAt);
  if (decision.kind === 'retry') {
    emitter.emit({ type: 'interaction.retry-scheduled', ...ids, nextRetryAt: new Date(decision.at).toISOString() });
  } else {
    emitter.emit({
      type: 'interaction.closed',
      ...ids,
      outcome: decision.kind === 'expired' ? 'expired' : 'failed',
      by: 'system',
      detail:
        decision.kind === 'expired'
          ? 'Expire time reached before another attempt'
          : `No answer after ${interaction.attempts.length} attempts`,
    });
  }
}

/** `autoCloseAt` for a call ending now, when the queue dials (and so wraps up) automatically. */
export function autoClose(emitter: EngineEmitter, interaction: Interaction): { autoCloseAt?: string } {
  return autoCloseAfterCall(interactionQueue(emitter.state, interaction), emitter.now);
}
