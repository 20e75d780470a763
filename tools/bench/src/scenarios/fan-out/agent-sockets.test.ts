import { createProbeClock, growProbeClock } from './agent-sockets';

describe('growProbeClock', () => {
  it('makes room for more probes and keeps the times already taken', () => {
    const clock = createProbeClock(2);
    clock.sentAt[1] = 5;
    clock.receivedAt[1] = 7;
    growProbeClock(clock, 10);
    expect(clock.sentAt).toHaveLength(10);
    expect([clock.sentAt[1], clock.receivedAt[1], clock.receivedAt[9]]).toEqual([5, 7, 0]);
    growProbeClock(clock, 4);
    expect(clock.sentAt).toHaveLength(10);
  });
});
