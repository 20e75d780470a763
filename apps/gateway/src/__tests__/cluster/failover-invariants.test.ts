import { exampleCallback, exampleInteractionEvent, type IccEvent, type InteractionEventType, type IccEventOf } from '@icc/protocol';
import { callbackOnceProblems, doubleBookedAgentProblems, overlappingOfferProblems, quantile, scheduledStartProblems } from './failover-invariants';
import { firstAcquisitionAfter, leaseLines, staleOwnerProblems } from './lease-log';

/** A log built event by event: seqs follow, each event about interaction `ix-<n>` of callback `cb-<n>`. */
function logOf(...steps: Array<[number, InteractionEventType, Record<string, unknown>?]>): IccEvent[] {
  return steps.map(([n, type, fields], index) =>
    exampleInteractionEvent(type, { seq: index + 1, interactionId: `ix-${n}`, callbackId: `cb-${n}`, ...(fields ?? {}) } as Partial<IccEventOf<typeof type>>),
  );
}
const created = (n: number, fields: Record<string, unknown> = {}): [number, InteractionEventType, Record<string, unknown>] => [
  n,
  'interaction.created',
  { callback: { ...exampleCallback(), id: `cb-${n}`, interactionId: `ix-${n}` }, ...fields },
];
const at = (iso: string) => Date.parse(iso);

describe('callbackOnceProblems', () => {
  it('holds when each acknowledged callback was created once', () => {
    expect(callbackOnceProblems(logOf(created(1), created(2)), ['cb-1', 'cb-2', 'cb-1'])).toEqual([]);
  });
  it('fails on an acknowledged callback missing from the log', () => {
    expect(callbackOnceProblems(logOf(created(1)), ['cb-1', 'cb-2'])).toEqual(['callback cb-2 answered 2xx is in the log 0 times']);
  });
  it('fails on a callback created twice (two owners took the same request)', () => {
    expect(callbackOnceProblems(logOf(created(1), created(1)), ['cb-1'])).toEqual(['callback cb-1 answered 2xx is in the log 2 times', 'callback cb-1 was created 2 times']);
  });
  it('does not count the interaction a transfer opens for the same callback', () => {
    expect(callbackOnceProblems(logOf(created(1), [1, 'interaction.created', { interactionId: 'ix-9', transferredFrom: 'ix-1' }]), ['cb-1'])).toEqual([]);
  });
});

describe('overlappingOfferProblems', () => {
  it('holds when an offer ends (declined) before the next one', () => {
    const log = logOf(
      created(1),
      [1, 'interaction.offered', { agentId: 'agent-ada' }],
      [1, 'interaction.offer-declined', { agentId: 'agent-ada', cause: 'timeout' }],
      [1, 'interaction.offered', { agentId: 'agent-grace' }],
      [1, 'interaction.accepted', { agentId: 'agent-grace' }],
    );
    expect(overlappingOfferProblems(log)).toEqual([]);
  });
  it('fails when an interaction is offered to a second agent while the first offer is open', () => {
    const log = logOf(created(1), [1, 'interaction.offered', { agentId: 'agent-ada' }], created(2), [1, 'interaction.offered', { agentId: 'agent-grace' }]);
    expect(overlappingOfferProblems(log)).toEqual([
      'interaction ix-1: offered to agent-grace (seq 4) while its offer to agent-ada (seq 2) was still open',
    ]);
  });
  it('fails when the same offer is made again (a second owner re-routing it)', () => {
    const log = logOf(created(1), [1, 'interaction.offered', { agentId: 'agent-ada' }], [1, 'interaction.offered', { agentId: 'agent-ada' }]);
    expect(overlappingOfferProblems(log)).toHaveLength(1);
  });
});

describe('doubleBookedAgentProblems', () => {
  it('holds when an agent is offered the next interaction once the last one let go of them', () => {
    const log = logOf(
      created(1),
      created(2),
      [1, 'interaction.offered', { agentId: 'agent-ada' }],
      [1, 'interaction.offer-declined', { agentId: 'agent-ada', cause: 'timeout' }],
      [2, 'interaction.offered', { agentId: 'agent-ada' }],
      [1, 'interaction.offered', { agentId: 'agent-grace' }],
    );
    expect(doubleBookedAgentProblems(log)).toEqual([]);
  });
  it('fails when an agent is offered a second interaction while the first still holds them', () => {
    const log = logOf(created(1), created(2), [1, 'interaction.offered', { agentId: 'agent-ada' }], [1, 'interaction.accepted', { agentId: 'agent-ada' }], [2, 'interaction.offered', { agentId: 'agent-ada' }]);
    expect(doubleBookedAgentProblems(log)).toEqual(['agent-ada: offered ix-2 (seq 5) while previewing with ix-1 (seq 4)']);
  });
});

describe('scheduledStartProblems', () => {
  const scheduled = (n: number, start: string) => created(n, { initialState: 'scheduled', scheduledAt: start });
  const started = (n: number, when: string): [number, InteractionEventType, Record<string, unknown>] => [n, 'interaction.queued', { cause: 'schedule-start', at: when }];

  it('measures lateness from the due time, or from the end of the outage it fell into', () => {
    const log = logOf(
      scheduled(1, '2026-03-10T10:00:00.000Z'),
      scheduled(2, '2026-03-10T10:00:05.000Z'),
      started(1, '2026-03-10T10:00:00.200Z'),
      started(2, '2026-03-10T10:00:08.300Z'),
    );
    const outage = [at('2026-03-10T10:00:03Z'), at('2026-03-10T10:00:08Z')] as const;
    const { problems, starts } = scheduledStartProblems(log, at('2026-03-10T10:01:00Z'), [outage]);
    expect(problems).toEqual([]);
    expect(starts.map((start) => [start.interactionId, start.callbackId, start.lateMs])).toEqual([
      ['ix-1', 'cb-1', 200],
      ['ix-2', 'cb-2', 300],
    ]);
  });
  it('takes the observed append time over the due instant the engine stamps on the event', () => {
    const log = logOf(scheduled(1, '2026-03-10T10:00:00.000Z'), started(1, '2026-03-10T10:00:00.000Z'));
    const { starts } = scheduledStartProblems(log, at('2026-03-10T10:01:00Z'), [], new Map([[2, at('2026-03-10T10:00:02.500Z')]]));
    expect(starts.map((start) => start.lateMs)).toEqual([2500]);
  });
  it('fails on a start that was lost, and on one that fired twice', () => {
    const log = logOf(
      scheduled(1, '2026-03-10T10:00:00.000Z'),
      scheduled(2, '2026-03-10T10:00:01.000Z'),
      started(2, '2026-03-10T10:00:01.100Z'),
      started(2, '2026-03-10T10:00:01.200Z'),
    );
    expect(scheduledStartProblems(log, at('2026-03-10T10:01:00Z')).problems).toEqual([
      'scheduled interaction ix-1 due 2026-03-10T10:00:00.000Z started 0 times',
      'scheduled interaction ix-2 due 2026-03-10T10:00:01.000Z started 2 times',
    ]);
  });
  it('leaves alone what is not due yet, and callbacks asked for as soon as possible', () => {
    const log = logOf(scheduled(1, '2026-03-10T11:00:00.000Z'), created(2));
    expect(scheduledStartProblems(log, at('2026-03-10T10:01:00Z'))).toEqual({ problems: [], starts: [] });
    expect(scheduledStartProblems(log, at('2026-03-10T11:01:00Z')).problems).toEqual(['scheduled interaction ix-1 due 2026-03-10T11:00:00.000Z started 0 times']);
  });
  it('takes the p99 by nearest rank', () => {
    expect(quantile([5, 1, 3, 2, 4], 0.99)).toBe(5);
    expect(quantile([5, 1, 3, 2, 4], 0.5)).toBe(3);
    expect(quantile([], 0.99)).toBe(0);
  });
});

describe('lease log', () => {
  const line = (msg: string, time: number, fields: Record<string, unknown> = {}) => JSON.stringify({ level: 30, time, msg, ...fields });
  const text = [
    line('listening', 1, { url: 'http://127.0.0.1:1' }),
    'not json at all, mentions a lease',
    line('lease acquired: starting its work', 10, { lease: 'acd', leaseToken: 1 }),
    line('ACD running on this gateway', 12, { lease: 'acd', leaseToken: 1 }),
    line('lease lost: stopping its work', 20, { lease: 'acd', leaseToken: 1, reason: 'taken' }),
    line('an append under the ACD lease was refused: stopping the ACD here', 21, { token: '[Redacted]' }),
  ].join('\n');

  it('picks the lease lines', () => {
    expect(leaseLines(text)).toEqual([
      { time: 10, kind: 'acquired', token: 1 },
      { time: 12, kind: 'running', token: 1 },
      { time: 20, kind: 'lost', token: 1, reason: 'taken' },
      { time: 21, kind: 'fence-refused' },
    ]);
  });
  it('finds the first acquisition since an instant', () => {
    const lines = new Map([
      ['a', [{ time: 10, kind: 'acquired' as const, token: 1 }]],
      ['b', [{ time: 50, kind: 'acquired' as const }]],
      ['c', [{ time: 40, kind: 'acquired' as const }]],
    ]);
    expect(firstAcquisitionAfter(lines, 11)).toEqual({ gateway: 'c', line: { time: 40, kind: 'acquired' } });
    expect(firstAcquisitionAfter(lines, 51)).toBeUndefined();
  });
  it('accepts a resumed owner that steps down, and fails one that does not or claims the lease again', () => {
    expect(staleOwnerProblems(leaseLines(text), 15)).toEqual([]);
    expect(staleOwnerProblems(leaseLines(text), 30)).toEqual(['the resumed gateway logged no loss of its lease after SIGCONT']);
    expect(staleOwnerProblems([...leaseLines(text), { time: 25, kind: 'acquired' }], 15)).toEqual(['the resumed gateway claimed the lease again while the new owner lived']);
  });
});
