import { exampleInteraction, exampleQueueConfig } from '@icc/protocol';
import { closingReasonsOf, DEFAULT_CLOSING_REASONS } from './closing-reasons';

describe('closingReasonsOf', () => {
  const queues = [exampleQueueConfig({ version: 3, closingReasons: ['Reason of version 3'] })];
  const queueId = exampleQueueConfig().id;

  it('offers the reasons of the queue version the interaction started with, not the current ones', () => {
    expect(closingReasonsOf(queues, exampleInteraction({ queueId, queueConfigVersion: 2, closingReasons: ['Reason of version 2'] }))).toEqual(['Reason of version 2']);
  });

  it('offers the defaults when that version named none, even if the current version does', () => {
    expect(closingReasonsOf(queues, exampleInteraction({ queueId, queueConfigVersion: 2 }))).toEqual(DEFAULT_CLOSING_REASONS);
  });

  it('falls back to the current reasons for an interaction recorded before versions were kept', () => {
    const { queueConfigVersion: _version, closingReasons: _reasons, ...unversioned } = exampleInteraction({ queueId });
    expect(closingReasonsOf(queues, unversioned)).toEqual(['Reason of version 3']);
    expect(closingReasonsOf([], unversioned)).toEqual(DEFAULT_CLOSING_REASONS);
  });
});
