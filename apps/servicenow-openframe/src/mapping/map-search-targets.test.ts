import { allowedControls } from '@icc/core';
import { exampleAgent, exampleCapabilities, exampleInteraction, exampleQueueConfig, exampleSalesQueueConfig, type Interaction } from '@icc/protocol';
import { SearchTargetListContext } from '../contract/search-target-list-context';
import { mapSearchTargets } from './map-search-targets';

const MANUAL = { dialMethod: { type: 'manual' as const } };
const AGENTS = [
  exampleAgent(),
  exampleAgent({ id: 'agent-grace', displayName: 'Grace Hopper', presence: 'wrap-up' }),
  exampleAgent({ id: 'sup-linus', displayName: 'Linus', role: 'supervisor' }),
];

function targets(interaction: Interaction, searchType: string, searchTerm = '') {
  const context = mapSearchTargets({
    interaction,
    allowed: allowedControls(interaction, MANUAL, exampleCapabilities()),
    queues: [exampleQueueConfig(), exampleSalesQueueConfig()],
    agents: AGENTS,
    meId: 'agent-ada',
    searchType,
    searchTerm,
  });
  expect(SearchTargetListContext.safeParse(context).error).toBeUndefined();
  return context.searchTargetList[0];
}

describe('mapSearchTargets', () => {
  const previewing = exampleInteraction({ state: 'previewing', agentId: 'agent-ada' });
  const connected = exampleInteraction({ state: 'connected', agentId: 'agent-ada', connectedAt: '2026-03-10T14:07:15Z' });

  it('lists the other queues for a callback transfer, without transfer subtypes', () => {
    expect(targets(previewing, 'queue')).toEqual({
      nowRecordTable: 'interaction',
      nowRecordId: 'ix-0001',
      externalId: 'ix-0001',
      targetTypes: ['agent', 'queue'],
      targets: [{ type: 'queue', payload: { list: [{ id: 'q-sales', name: exampleSalesQueueConfig().name }] } }],
    });
  });

  it('lists other agents (not supervisors, not me) with their presence, filtered by the search term', () => {
    expect(targets(previewing, 'agent', 'grace')?.targets).toEqual([
      { type: 'agent', payload: { list: [{ id: 'agent-grace', name: 'Grace Hopper', presence: 'busy' }] } },
    ]);
    expect(targets(previewing, 'agent', 'nobody')?.targets[0]?.payload.list).toEqual([]);
  });

  it('offers Blind and Consult for a live call, and no queues', () => {
    expect(targets(connected, 'agent')?.targets[0]?.transferSubtypes).toEqual([
      { id: 'blind', label: 'Blind' },
      { id: 'consult', label: 'Consult' },
    ]);
    expect(targets(connected, 'queue')?.targets).toEqual([]);
    expect(targets(connected, 'queue')?.targetTypes).toEqual(['agent']);
  });
});
