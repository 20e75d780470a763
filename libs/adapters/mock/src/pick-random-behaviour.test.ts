import { pickRandomBehaviour } from './pick-random-behaviour';
import { TelephonyBehaviour } from './telephony-behaviour';

/** A "random" source that returns the given rolls in turn. */
const rolls = (...values: number[]) => {
  let index = 0;
  return () => values[index++ % values.length] as number;
};

describe('pickRandomBehaviour', () => {
  it.each([
    [0, 'answer'],
    [0.69, 'answer'],
    [0.7, 'no-answer'],
    [0.89, 'no-answer'],
    [0.9, 'busy'],
    [0.969, 'busy'],
    [0.97, 'fail'],
    [0.999, 'fail'],
  ])('maps roll %d to %s', (roll, kind) => {
    expect(pickRandomBehaviour(rolls(roll, 0.5)).kind).toBe(kind);
  });

  it('answers within 2-8 s and hangs up after 1-5 minutes, always a valid behaviour', () => {
    expect(pickRandomBehaviour(rolls(0, 0, 0))).toEqual({ kind: 'answer', afterSeconds: 2, hangUpAfterSeconds: 60 });
    expect(pickRandomBehaviour(rolls(0, 0.9999, 0.9999))).toEqual({ kind: 'answer', afterSeconds: 8, hangUpAfterSeconds: 300 });
    for (const roll of [0, 0.5, 0.75, 0.95, 0.99]) {
      expect(TelephonyBehaviour.safeParse(pickRandomBehaviour(rolls(roll, 0.3, 0.6))).success).toBe(true);
    }
  });
});
