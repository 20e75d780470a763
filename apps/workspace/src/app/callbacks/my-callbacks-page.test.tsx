import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EXAMPLE_IDS, exampleAgent, exampleCallback, exampleCustomer } from '@icc/protocol';
import { renderWithSession } from '../../testing/render-with-session';
import { MyCallbacksPage } from './my-callbacks-page';
import { UNDO_WINDOW_MS } from './use-undoable-cancel';

const callbacks = [
  exampleCallback({ id: 'cb-1', number: 'CB0000001', state: 'in-progress', interactionId: 'ix-1', attempts: 1, nextRetryAt: '2026-03-10T15:00:00Z' }),
  exampleCallback({
    id: 'cb-2',
    number: 'CB0000002',
    interactionId: 'ix-2',
    customer: exampleCustomer({ firstName: 'Camille', lastName: 'Durand' }),
  }),
  exampleCallback({
    id: 'cb-3',
    number: 'CB0000003',
    interactionId: 'ix-3',
    schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' },
  }),
  exampleCallback({ id: 'cb-4', number: 'CB0000004', state: 'completed', interactionId: 'ix-4' }),
  exampleCallback({ id: 'cb-5', number: 'CB0000005', state: 'expired', interactionId: 'ix-5' }),
];

/** A waiting callback has no handling agent: only its keeper or a supervisor may cancel it. */
const supervisor = exampleAgent({ role: 'supervisor' });

function rowNames(): string[] {
  return screen.queryAllByRole('rowheader').map((header) => header.textContent ?? '');
}

describe('MyCallbacksPage', () => {
  it('lists open callbacks first, with links to their interactions', async () => {
    const { session } = renderWithSession(<MyCallbacksPage />, { callbacks });

    expect(await screen.findByText('2 open callbacks')).toBeVisible();
    expect(rowNames()).toEqual(['CB0000001', 'CB0000002']);
    expect(screen.getByRole('link', { name: 'CB0000001' })).toHaveAttribute('href', '#/interactions/ix-1');
    const retrying = screen.getByRole('rowheader', { name: 'CB0000001' }).closest('tr') as HTMLElement;
    expect(retrying).toHaveTextContent(/1 of \d+Next automatic retry/);
    expect(screen.getByRole('tab', { name: 'Open' })).toHaveAttribute('aria-selected', 'true');
    expect(session.callbackQueries).toEqual([{ limit: 200 }, { view: 'upcoming', limit: 200 }]);
  });

  it('Scheduled adds the upcoming callbacks of my queues and the ones kept for me, and says which are mine', async () => {
    const user = userEvent.setup();
    const upcoming = [
      exampleCallback({ id: 'cb-9', number: 'CB0000009', interactionId: 'ix-9', schedule: { type: 'scheduled', start: '2026-03-12T09:00:00Z' } }),
      exampleCallback({ id: 'cb-10', number: 'CB0000010', interactionId: 'ix-10', assignedAgentId: exampleAgent().id }),
      // Already in my own list: shown once.
      callbacks[2] as (typeof callbacks)[number],
    ];
    renderWithSession(<MyCallbacksPage />, { callbacks, upcoming });
    await screen.findByText('2 open callbacks');
    expect(screen.getByRole('tab', { name: 'Scheduled' })).toHaveTextContent('3');
    await user.click(screen.getByRole('tab', { name: 'Scheduled' }));
    expect(rowNames()).toEqual(['CB0000010', 'CB0000003', 'CB0000009']);
    const kept = screen.getByRole('rowheader', { name: 'CB0000010' }).closest('tr') as HTMLElement;
    expect(kept).toHaveTextContent('Kept for you');
    expect(within(kept).getByRole('button', { name: 'Cancel callback CB0000010' })).toBeEnabled();
    // Someone else's work in my queue: I see it, but only its keeper or a supervisor may cancel it.
    const queueWide = screen.getByRole('rowheader', { name: 'CB0000009' }).closest('tr') as HTMLElement;
    expect(within(queueWide).queryByRole('button', { name: /Cancel/ })).toBeNull();
    expect(EXAMPLE_IDS.otherAgentId).not.toBe(exampleAgent().id);
  });

  it('switches tabs with the mouse and the arrow keys', async () => {
    const user = userEvent.setup();
    renderWithSession(<MyCallbacksPage />, { callbacks });
    await screen.findByText('2 open callbacks');

    await user.click(screen.getByRole('tab', { name: 'Scheduled' }));
    expect(rowNames()).toEqual(['CB0000003']);

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'History' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'History' })).toBeVisible();
    expect(rowNames()).toEqual(['CB0000004', 'CB0000005']);
  });

  it('filters by state and searches', async () => {
    const user = userEvent.setup();
    renderWithSession(<MyCallbacksPage />, { callbacks });
    await screen.findByText('2 open callbacks');

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'camille');
    expect(rowNames()).toEqual(['CB0000002']);
    expect(screen.getByText('1 open callback matching “camille”')).toBeVisible();

    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.click(screen.getByRole('tab', { name: 'History' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'State' }), 'Expired');
    expect(rowNames()).toEqual(['CB0000005']);
  });

  it('cancels a pending callback after a confirmation and the undo window, and says so', async () => {
    jest.useFakeTimers();
    try {
      const user = userEvent.setup({ advanceTimers: (ms) => jest.advanceTimersByTime(ms) });
      const { session } = renderWithSession(<MyCallbacksPage />, { callbacks, state: { me: supervisor } });
      await screen.findByText('2 open callbacks');

      const row = screen.getByRole('rowheader', { name: 'CB0000002' }).closest('tr') as HTMLElement;
      await user.click(within(row).getByRole('button', { name: 'Cancel callback CB0000002' }));
      const dialog = screen.getByRole('dialog', { name: 'Cancel callback CB0000002' });
      expect(dialog).toHaveTextContent('Camille Durand will not be called back');
      await user.click(within(dialog).getByRole('button', { name: 'Cancel callback' }));
      expect(screen.getByRole('button', { name: 'Undo' })).toBeVisible();
      expect(session.callbackQueries).toHaveLength(2);

      await act(async () => {
        jest.advanceTimersByTime(UNDO_WINDOW_MS);
      });
      expect(await screen.findByText('Callback CB0000002 cancelled.')).toBeVisible();
      expect(session.callbackQueries).toHaveLength(4);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends nothing when the cancel is undone or the confirmation dismissed', async () => {
    const user = userEvent.setup();
    const { session } = renderWithSession(<MyCallbacksPage />, { callbacks, state: { me: supervisor } });
    await screen.findByText('2 open callbacks');
    const row = screen.getByRole('rowheader', { name: 'CB0000002' }).closest('tr') as HTMLElement;

    await user.click(within(row).getByRole('button', { name: 'Cancel callback CB0000002' }));
    await user.click(screen.getByRole('button', { name: 'Keep callback' }));
    expect(screen.queryByRole('dialog')).toBeNull();

    await user.click(within(row).getByRole('button', { name: 'Cancel callback CB0000002' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel callback' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByText('Cancel of CB0000002 undone.')).toBeVisible();
    expect(session.callbackQueries).toHaveLength(2);
  });

  it('shows why the list could not be loaded', async () => {
    const { session } = renderWithSession(<MyCallbacksPage />, { callbacks });
    session.rest.listCallbacks = async () => {
      throw Object.assign(new Error('x'), { body: { code: 'forbidden', message: 'Only supervisors and handling agents' } });
    };
    await screen.findByText('2 open callbacks');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load callbacks: Only supervisors and handling agents');
  });
});
