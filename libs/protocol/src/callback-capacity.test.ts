import { duplicateSettingsOf, QueueSlotsQuery, slotSettingsOf } from './callback-capacity';
import { exampleQueueConfig } from './examples';
import { QueueConfig } from './queue-config';

describe('queue slot and duplicate settings', () => {
  it("default to Genesys Engage's: 5-minute buckets of 100, 1,000 an hour; one open callback per number, rejected", () => {
    expect(slotSettingsOf(exampleQueueConfig())).toEqual({ minutes: 5, capacity: 100, perHourCap: 1000 });
    expect(duplicateSettingsOf(exampleQueueConfig())).toEqual({ maxOpenPerNumber: 1, onDuplicate: 'reject' });
    expect(slotSettingsOf({ slots: { minutes: 15, capacity: 3, perHourCap: 10 } })).toEqual({ minutes: 15, capacity: 3, perHourCap: 10 });
  });

  it.each([
    [{ slots: { minutes: 7 } }, ['slots', 'minutes']],
    [{ slots: { capacity: 0 } }, ['slots', 'capacity']],
    [{ duplicates: { onDuplicate: 'merge' } }, ['duplicates', 'onDuplicate']],
    [{ duplicates: { maxOpenPerNumber: 0 } }, ['duplicates', 'maxOpenPerNumber']],
  ])('refuses %j at its path', (overrides, path) => {
    const result = QueueConfig.safeParse({ ...exampleQueueConfig(), ...overrides });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([path]);
  });

  it('takes at most seven days of slots at once, and a range that ends after it starts', () => {
    expect(QueueSlotsQuery.safeParse({ from: '2026-03-11T00:00:00Z', to: '2026-03-18T00:00:00Z' }).success).toBe(true);
    expect(QueueSlotsQuery.safeParse({ from: '2026-03-11T00:00:00Z', to: '2026-03-18T00:00:01Z' }).error?.issues.map((issue) => issue.path)).toEqual([['to']]);
    expect(QueueSlotsQuery.safeParse({ from: '2026-03-11T00:00:00Z', to: '2026-03-11T00:00:00Z' }).error?.issues.map((issue) => issue.path)).toEqual([['to']]);
  });
});
