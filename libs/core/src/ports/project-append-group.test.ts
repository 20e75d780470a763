import fc from 'fast-check';
import type { Callback, Interaction, MissedOffer, NewIccEvent } from '@icc/protocol';
import { IccError } from '../errors';
import { arbitraryEventHistory, fixtureCreated, fixtureEvent, fixturePresence } from '../testing';
import type { AgentPresence } from './agent-presence';
import type { OpenCallbackEntry } from './open-callbacks';
import { projectAppendGroup } from './project-append-group';
import { projectEventBatch, type IdempotencyRecord, type ProjectedBatch, type ProjectionLookup } from './project-event-batch';

/** Read models in maps, as a store would hold them after writing each batch. */
class ReadModels implements ProjectionLookup {
  readonly interactions = new Map<string, Interaction>();
  readonly callbacks = new Map<string, Callback>();
  readonly presences = new Map<string, AgentPresence>();
  readonly numbers = new Map<string, string>();
  readonly records = new Map<string, IdempotencyRecord>();
  readonly openCallbacks = new Map<string, OpenCallbackEntry>();
  readonly missedOffers: MissedOffer[] = [];
  head = 0;

  interaction = (id: string) => this.interactions.get(id);
  callback = (id: string) => this.callbacks.get(id);
  agentPresence = (id: string) => this.presences.get(id);
  callbackIdByNumber = (number: string) => this.numbers.get(number);
  idempotencyRecord = (key: string) => this.records.get(key);

  write(batch: ProjectedBatch): void {
    for (const event of batch.events) if (event.type === 'interaction.created') this.numbers.set(event.callback.number, event.callback.id);
    batch.interactions.forEach((value, id) => this.interactions.set(id, value));
    batch.callbacks.forEach((value, id) => this.callbacks.set(id, value));
    batch.agentPresences.forEach((value, id) => this.presences.set(id, value));
    batch.idempotencyRecords.forEach((value, key) => this.records.set(key, value));
    batch.openCallbacks.forEach((entry, id) => (entry ? this.openCallbacks.set(id, entry) : this.openCallbacks.delete(id)));
    this.missedOffers.push(...batch.missedOffers);
    this.head += batch.events.length;
  }

  /** The rows, without the lookup functions (which differ per instance). */
  rows() {
    const { interactions, callbacks, presences, numbers, records, openCallbacks, missedOffers, head } = this;
    return { interactions, callbacks, presences, numbers, records, openCallbacks, missedOffers, head };
  }

  appendAlone(events: readonly NewIccEvent[]): ProjectedBatch {
    const batch = projectEventBatch(this, events, this.head + 1);
    this.write(batch);
    return batch;
  }
}

/** Appends the fold refuses whole; the first two would change read models if half-kept. */
const REFUSED: NewIccEvent[][] = [
  [fixturePresence('agent-ada', 'busy', '2026-03-10T09:00:00.000Z'), fixtureEvent('interaction.offered', 9_999)],
  [fixtureCreated(9_998), fixtureEvent('interaction.created', 9_998)],
  [fixtureEvent('interaction.customer-answered', 9_997)],
];

function split(history: NewIccEvent[], cuts: number[]): NewIccEvent[][] {
  const points = [...new Set(cuts.map((cut) => cut % (history.length + 1)))].sort((a, b) => a - b);
  const chunks: NewIccEvent[][] = [];
  let from = 0;
  for (const point of [...points, history.length]) {
    if (point > from) chunks.push(history.slice(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

describe('projectAppendGroup', () => {
  it('comes to the same read models, seqs and outcomes as appending each append alone, refused ones left out whole', () => {
    fc.assert(
      fc.property(
        arbitraryEventHistory(90),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
        fc.nat(),
        (history, cuts, refusals, prefixCut) => {
          const appends = split(history, cuts);
          for (const [at, which] of refusals) appends.splice(at % (appends.length + 1), 0, REFUSED[which % REFUSED.length] as NewIccEvent[]);
          const before = prefixCut % (appends.length + 1);

          const alone = new ReadModels();
          const grouped = new ReadModels();
          for (const events of appends.slice(0, before)) {
            for (const models of [alone, grouped]) {
              try {
                models.appendAlone(events);
              } catch {
                // a refused append, also refused alone: nothing written
              }
            }
          }

          const expected = appends.slice(before).map((events) => {
            try {
              return { ok: true, events: alone.appendAlone(events).events };
            } catch (error) {
              return { ok: false, error };
            }
          });
          const { batch, outcomes } = projectAppendGroup(grouped, appends.slice(before), grouped.head + 1);
          grouped.write(batch);

          expect(outcomes.map((outcome) => outcome.ok)).toEqual(expected.map((outcome) => outcome.ok));
          expect(outcomes).toEqual(expected);
          expect(batch.events).toEqual(expected.flatMap((outcome) => (outcome.ok ? outcome.events ?? [] : [])));
          expect(grouped.rows()).toEqual(alone.rows());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a callback number or an idempotency key that an earlier append of the same group took', () => {
    const first = fixtureCreated(1, { idempotencyKey: 'key-1' });
    const sameNumber = { ...fixtureCreated(2), callback: { ...(fixtureCreated(2) as Extract<NewIccEvent, { type: 'interaction.created' }>).callback, number: 'CB0000001' } } as NewIccEvent;
    const sameKey = fixtureCreated(3, { idempotencyKey: 'key-1' });
    const other = fixtureCreated(4);

    const { batch, outcomes } = projectAppendGroup(new ReadModels(), [[first], [sameNumber], [sameKey], [other]], 41);

    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, false, false, true]);
    expect(outcomes[1]).toMatchObject({ error: expect.objectContaining({ code: 'validation_failed' }) });
    expect((outcomes[2] as { error: unknown }).error).toBeInstanceOf(IccError);
    expect(outcomes[2]).toMatchObject({ error: expect.objectContaining({ code: 'idempotency_conflict' }) });
    expect(batch.events.map((event) => [event.seq, 'callbackId' in event ? event.callbackId : undefined])).toEqual([
      [41, 'cb-1'],
      [42, 'cb-4'],
    ]);
    expect([...batch.openCallbacks.keys()]).toEqual(['cb-1', 'cb-4']);
  });

  it('gives an empty batch for no appends', () => {
    const { batch, outcomes } = projectAppendGroup(new ReadModels(), [], 1);
    expect(outcomes).toEqual([]);
    expect(batch.events).toEqual([]);
    expect(batch.openCallbacks.size).toBe(0);
  });
});
