import fc from 'fast-check';
import type { IccEvent, Interaction, InteractionEventType, InteractionOutcome, NewIccEvent, Presence } from '@icc/protocol';
import { INTERACTION_TRANSITIONS } from '../state-machine/interaction-transitions';
import { reduceInteraction } from '../state-machine/reduce-interaction';
import { fixtureCreated, fixtureEvent, fixtureIds, fixturePresence } from './event-store-fixtures';

export const HISTORY_QUEUE_IDS = ['q-support', 'q-sales'] as const;
export const HISTORY_AGENT_IDS = ['agent-ada', 'agent-grace', 'agent-linus'] as const;
const PRESENCES: Presence[] = ['available', 'busy', 'away', 'wrap-up', 'offline'];
const OUTCOMES: InteractionOutcome[] = ['completed', 'no-answer', 'cancelled', 'failed', 'expired', 'transferred'];
const START_MS = Date.parse('2026-03-10T08:00:00Z');

type Choice = [number, number, number];

/**
 * Random histories the state machine accepts: every event is one the transition table allows in
 * the interaction's state at that point, so a store must append all of them.
 */
export function arbitraryEventHistory(maxEvents = 150): fc.Arbitrary<NewIccEvent[]> {
  return fc
    .array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: Math.floor(maxEvents / 3), maxLength: maxEvents })
    .map((choices) => buildEventHistory(choices as Choice[]));
}

/** Turns choices into a valid history, deterministically (also usable without fast-check). */
export function buildEventHistory(choices: readonly Choice[]): NewIccEvent[] {
  const interactions = new Map<number, Interaction>();
  const history: NewIccEvent[] = [];
  let clock = START_MS;
  let seq = 0;
  const keep = (event: NewIccEvent, n?: number) => {
    history.push(event);
    seq += 1;
    if (n !== undefined && event.type !== 'agent.presence-changed') {
      interactions.set(n, reduceInteraction(interactions.get(n), { ...event, seq } as Exclude<IccEvent, { type: 'agent.presence-changed' }>));
    }
  };

  for (const [pick, variant, detail] of choices) {
    clock += ((detail % 120) + 1) * 1000;
    const at = new Date(clock).toISOString();
    const open = [...interactions.entries()].filter(([, interaction]) => interaction.state !== 'closed');
    // Mostly advance what is open, so histories reach the deep states (calls, wrap-up, retries).
    const slot = pick % (open.length * 4 + 2);
    if (slot === open.length * 4 + 1) {
      const agentId = HISTORY_AGENT_IDS[variant % HISTORY_AGENT_IDS.length] as string;
      keep(fixturePresence(agentId, PRESENCES[detail % PRESENCES.length] as Presence, at));
      continue;
    }
    if (slot === open.length * 4) {
      const n = interactions.size + 1;
      const scheduled = variant % 3 === 0;
      keep(
        fixtureCreated(n, {
          queueId: HISTORY_QUEUE_IDS[detail % 2] as string,
          mode: variant % 2 === 0 ? 'agent-first' : 'customer-first',
          requestedAt: at,
          schedule: scheduled ? { type: 'scheduled', start: new Date(clock + (detail % 7200) * 1000).toISOString() } : { type: 'asap' },
          ...(detail % 4 === 0 ? { idempotencyKey: `key-${n}`, requestHash: `hash-${n}` } : {}),
        }),
        n,
      );
      continue;
    }
    const [n, interaction] = open[slot % open.length] as [number, Interaction];
    const allowed = Object.keys(INTERACTION_TRANSITIONS[interaction.mode][interaction.state]) as InteractionEventType[];
    const type = allowed[variant % Math.max(1, allowed.length)];
    if (type === undefined) continue;
    keep(nextEvent(type, n, interaction, at, detail), n);
  }
  return history;
}

function nextEvent(type: InteractionEventType, n: number, interaction: Interaction, at: string, detail: number): NewIccEvent {
  const agentId = interaction.agentId ?? (HISTORY_AGENT_IDS[detail % HISTORY_AGENT_IDS.length] as string);
  const later = new Date(Date.parse(at) + 30_000).toISOString();
  switch (type) {
    case 'interaction.offered':
      return fixtureEvent(type, n, { at, agentId, expiresAt: later });
    case 'interaction.offer-declined':
    case 'interaction.accepted':
      return fixtureEvent(type, n, { at, agentId });
    case 'interaction.dialing':
      return fixtureEvent(type, n, {
        at,
        agentId,
        attempt: interaction.attempts.length + 1,
        phoneNumber: interaction.card.phoneNumbers[detail % interaction.card.phoneNumbers.length] as string,
      });
    case 'interaction.dial-failed':
      return fixtureEvent(type, n, { at, failure: (['no-answer', 'busy', 'failed', 'voicemail'] as const)[detail % 4] });
    case 'interaction.retry-scheduled':
      return fixtureEvent(type, n, { at, nextRetryAt: later });
    case 'interaction.rescheduled':
      return fixtureEvent(type, n, { at, scheduledAt: later, windowEnd: new Date(Date.parse(later) + 3_600_000).toISOString() });
    case 'interaction.transfer-requested':
      return fixtureEvent(type, n, { at, toInteractionId: `${fixtureIds(n).interactionId}-t` });
    case 'interaction.closed':
      return fixtureEvent(type, n, { at, outcome: OUTCOMES[detail % OUTCOMES.length] as InteractionOutcome });
    case 'interaction.call-ended':
      return fixtureEvent(type, n, { at, autoCloseAt: later });
    default:
      return fixtureEvent(type, n, { at });
  }
}
