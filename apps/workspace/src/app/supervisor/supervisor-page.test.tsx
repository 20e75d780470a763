import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  exampleAgent,
  exampleCallback,
  exampleQueueConfig,
  exampleQueueHistoryPoint,
  exampleQueueStats,
  exampleSalesQueueConfig,
  type QueueHistory,
} from '@icc/protocol';
import { EXAMPLE_IDS, connectedInteraction, offeredInteraction } from '../../testing/fixtures';
import { FakeUplot } from '../../testing/fake-uplot';
import { renderWithSession } from '../../testing/render-with-session';
import { SupervisorPage } from './supervisor-page';

const plots = FakeUplot.instances;
beforeEach(() => {
  plots.length = 0;
});

const queues = [exampleQueueConfig(), exampleSalesQueueConfig()];
const point = exampleQueueHistoryPoint;
const history: QueueHistory = {
  from: '2026-03-10T13:58:00Z',
  to: '2026-03-10T14:00:00Z',
  bucketSeconds: 60,
  serviceLevelSeconds: 300,
  queues: [
    {
      queueId: EXAMPLE_IDS.queueId,
      points: [
        point('2026-03-10T13:59:00Z', { depth: 3, oldestWaitSeconds: 240, offered: 4, accepted: 2, missed: 1, serviceLevel: 0.5 }),
        point('2026-03-10T14:00:00Z', { depth: 2, oldestWaitSeconds: 120, offered: 1, accepted: 2, serviceLevel: 1 }),
      ],
    },
    { queueId: EXAMPLE_IDS.salesQueueId, points: [point('2026-03-10T13:59:00Z'), point('2026-03-10T14:00:00Z', { depth: 1 })] },
  ],
};

function rowOf(name: string, table = screen.getByRole('table', { name: /^(Queue statistics|Agents)/ })): string[] {
  const row = within(table).getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent ?? '');
}

describe('SupervisorPage', () => {
  it('charts the gateway\'s last hour and states the figures in words', async () => {
    renderWithSession(<SupervisorPage />, { state: { queues }, queueHistory: history });
    const charts = await screen.findAllByRole('figure');
    expect(charts.map((chart) => within(chart).getByText(/./, { selector: 'figcaption' }).textContent)).toEqual([
      'Waiting callbacks and oldest wait',
      'Offers against accepts',
      'Service level',
    ]);
    expect(screen.getByRole('img', { name: /^3 waiting now, the oldest for 2\.0 minutes; at most 3 waiting/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'In the last hour 5 offers were made, 4 accepted and 1 missed or rejected.' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /75% of the offers accepted in the last hour were accepted within 5 minutes/ })).toBeInTheDocument();
    // Times, waiting (all queues), oldest wait in minutes.
    await waitFor(() => expect(plots[0]?.data.slice(1)).toEqual([[3, 3], [4, 2]]));
    expect(plots[2]?.data[1]).toEqual([50, 100]);
  });

  it('narrows the charts to one queue', async () => {
    const user = userEvent.setup();
    renderWithSession(<SupervisorPage />, { state: { queues }, queueHistory: history });
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Charts for' }), 'Sales');
    expect(screen.getByRole('img', { name: /^1 waiting now/ })).toBeInTheDocument();
  });

  it('follows queue.stats frames live in the queue table and the newest chart point', async () => {
    const { session } = renderWithSession(<SupervisorPage />, {
      state: { queues, queueStats: [exampleQueueStats({ depth: 4 })] },
      queueHistory: history,
    });
    const queueTable = () => screen.getByRole('table', { name: /^Queue statistics/ });
    expect(rowOf('Support', queueTable())[0]).toBe('4');
    act(() => session.update({ queueStats: [exampleQueueStats({ depth: 7, agentsAvailable: 0 })] }));
    expect(rowOf('Support', queueTable())[0]).toBe('7');
    expect(rowOf('Support', queueTable())[5]).toBe('0');
    await screen.findByRole('img', { name: /^7 waiting now/ });
  });

  it('shows each agent\'s server state, what they work on and their missed offers; lists missed offers per queue', async () => {
    const busy = exampleAgent({ presence: 'busy', presenceSince: '2026-03-10T14:00:00Z', chosenPresence: 'away' });
    renderWithSession(<SupervisorPage />, {
      state: {
        queues,
        agents: [busy, exampleAgent({ id: EXAMPLE_IDS.otherAgentId, displayName: 'Grace Hopper' })],
        interactions: [connectedInteraction()],
      },
      queueHistory: history,
      missedOffers: {
        items: [
          { seq: 9, at: '2026-03-10T13:59:30Z', agentId: EXAMPLE_IDS.otherAgentId, queueId: EXAMPLE_IDS.queueId, interactionId: 'ix-9', callbackId: 'cb-9', reason: 'timeout' },
        ],
        totals: { byAgent: [{ id: EXAMPLE_IDS.otherAgentId, timeout: 1, rejected: 0 }], byQueue: [{ id: EXAMPLE_IDS.queueId, timeout: 1, rejected: 0 }] },
      },
    });
    const agentsTable = () => screen.getByRole('table', { name: /^Agents/ });
    const ada = await waitFor(() => rowOf(busy.displayName, agentsTable()));
    expect(ada[0]).toMatch(/^Busy[\d:]+then Away$/);
    expect(ada[1]).toMatch(/Connected$/);
    expect(ada[2]).toBe('none');
    await waitFor(() => expect(rowOf('Grace Hopper', agentsTable())[2]).toBe('1 missed, 0 rejected'));
    const perQueue = screen.getByRole('table', { name: 'Per queue' });
    expect(within(perQueue).getByRole('row', { name: 'Support 1 0' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Latest' })).getByRole('rowheader', { name: 'Grace Hopper' })).toBeInTheDocument();
  });

  it('cancels a waiting callback after confirmation, through the supervisor\'s REST route', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const callback = exampleCallback({ id: offer.callbackId });
    const { session } = renderWithSession(<SupervisorPage />, { state: { queues, interactions: [offer] }, queueHistory: history, callbacks: [callback] });
    const cancelSpy = jest.spyOn(session.rest, 'cancelCallback');
    const row = screen.getByRole('rowheader', { name: new RegExp(offer.card.customerName) }).closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Cancel' }));
    const dialog = screen.getByRole('dialog', { name: `Cancel callback ${offer.card.callbackNumber}` });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));
    expect(cancelSpy).toHaveBeenCalledWith(offer.callbackId, { reason: 'Cancelled by a supervisor' });
    expect(await screen.findByText(`Callback ${offer.card.callbackNumber} cancelled.`)).toBeInTheDocument();
  });

  it('reschedules a waiting callback to the time the supervisor picks', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<SupervisorPage />, {
      state: { queues, interactions: [offer] },
      queueHistory: history,
      callbacks: [exampleCallback({ id: offer.callbackId })],
    });
    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    const dialog = screen.getByRole('dialog', { name: `Reschedule callback ${offer.card.callbackNumber}` });
    await user.type(within(dialog).getByLabelText('New start'), '2026-03-11T09:30');
    await user.click(within(dialog).getByRole('button', { name: 'Reschedule' }));
    expect(session.reschedules).toEqual([{ id: offer.callbackId, start: new Date('2026-03-11T09:30').toISOString() }]);
  });

  it('reassigns a waiting callback to an agent who is not offline by default, and releases a kept one to the queue', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const agents = [
      exampleAgent({ id: 'agent-off', displayName: 'Otto Offline', presence: 'offline' }),
      exampleAgent({ id: 'agent-away', displayName: 'Alma Away', presence: 'away' }),
    ];
    const { session } = renderWithSession(<SupervisorPage />, {
      state: { queues, interactions: [offer], agents },
      queueHistory: history,
      callbacks: [exampleCallback({ id: offer.callbackId })],
      upcoming: [exampleCallback({ id: offer.callbackId, assignedAgentId: 'agent-off' })],
    });
    const rescheduleSpy = jest.spyOn(session.rest, 'rescheduleCallback');
    const row = screen.getByRole('rowheader', { name: new RegExp(offer.card.customerName) }).closest('tr') as HTMLElement;
    expect(await within(row).findByText('Kept for Otto Offline')).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Reassign' }));
    const dialog = screen.getByRole('dialog', { name: `Reassign callback ${offer.card.callbackNumber}` });
    expect(within(dialog).getByLabelText('Agent')).toHaveDisplayValue('Alma Away (Away)');
    await user.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(rescheduleSpy).toHaveBeenLastCalledWith(offer.callbackId, expect.objectContaining({ assignedAgentId: 'agent-away' }));
    expect(await screen.findByText(`Callback ${offer.card.callbackNumber} kept for Alma Away.`)).toBeInTheDocument();

    await user.click(within(row).getByRole('button', { name: 'Release to queue' }));
    expect(rescheduleSpy).toHaveBeenLastCalledWith(offer.callbackId, expect.objectContaining({ assignedAgentId: null }));
    expect(await screen.findByText(`Callback ${offer.card.callbackNumber} released to the queue.`)).toBeInTheDocument();
    expect(Date.parse(rescheduleSpy.mock.calls[0]?.[1].start ?? '')).toBeGreaterThan(Date.now());
  });
});
