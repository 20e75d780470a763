import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleCapabilities, exampleInteraction, exampleQueueConfig, exampleSalesQueueConfig } from '@icc/protocol';
import { EXAMPLE_IDS } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { QueueCallingHoursTable } from './queue-calling-hours-table';
import { WaitingCallbacksTable } from './waiting-callbacks-table';

const queues = [exampleQueueConfig({ version: 3 }), exampleSalesQueueConfig({ version: 1, callingHours: { start: '09:00', end: '20:00' } })];
const rowOf = (name: string) => screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;

describe('Supervisor → Queue settings: calling hours', () => {
  it('shows each queue\'s hours (the default where none is set) and saves a change as a new version', async () => {
    const user = userEvent.setup();
    const { session } = renderWithSession(<QueueCallingHoursTable queues={queues} />, { state: { queues } });
    expect(within(rowOf('Support')).getAllByRole('cell')[0]).toHaveTextContent('08:00–21:00Default');
    expect(within(rowOf('Sales')).getAllByRole('cell')[0]).toHaveTextContent('09:00–20:00');

    const support = within(rowOf('Support'));
    expect(support.getByRole('button', { name: 'Save' })).toBeDisabled();
    await user.clear(support.getByLabelText('From'));
    await user.type(support.getByLabelText('From'), '09:30');
    await user.click(support.getByRole('button', { name: 'Save' }));

    expect(session.queueUpdates).toEqual([{ queueId: EXAMPLE_IDS.queueId, changes: { callingHours: { start: '09:30', end: '21:00' } }, version: 3 }]);
    expect(await support.findByRole('status')).toHaveTextContent('Saved: Support calls 09:30–21:00 customer time (version 4).');
    expect(session.getState().queues[0]?.callingHours).toEqual({ start: '09:30', end: '21:00' });
  });

  it("shows the gateway's refusal on the field it names, and keeps the queue as it was", async () => {
    const user = userEvent.setup();
    const { session } = renderWithSession(<QueueCallingHoursTable queues={queues} />, { state: { queues } });
    const sales = within(rowOf('Sales'));
    await user.clear(sales.getByLabelText('Until'));
    await user.type(sales.getByLabelText('Until'), '08:00');
    await user.click(sales.getByRole('button', { name: 'Save' }));

    const until = sales.getByLabelText('Until');
    expect(until).toHaveAttribute('aria-invalid', 'true');
    expect(until).toHaveAccessibleDescription('end must be after start');
    expect(sales.getByLabelText('From')).not.toHaveAttribute('aria-invalid');
    expect(session.getState().queues[1]?.callingHours).toEqual({ start: '09:00', end: '20:00' });
  });
});

describe('Supervisor → Waiting callbacks: calling hours and keeping', () => {
  // 13:00 UTC on 10 March 2026 is 06:00 in Los Angeles (Maya's zone).
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2026-03-10T13:00:00Z'), advanceTimers: true }));
  afterEach(() => jest.useRealTimers());

  const waiting = exampleInteraction({ state: 'queued', mode: 'customer-first', queueId: EXAMPLE_IDS.salesQueueId });
  /** Renders the table and lets its kept-callbacks lookup answer. */
  async function renderWaiting(state: Parameters<typeof renderWithSession>[1] & object) {
    const rendered = renderWithSession(<WaitingCallbacksTable queues={queues} interactions={[waiting]} agents={[]} />, state);
    await act(async () => undefined);
    return rendered;
  }

  it('says why a customer-first callback waits: outside its customer\'s calling hours, and when dialing starts', async () => {
    await renderWaiting({ state: { queues } });
    expect(rowOf(`${waiting.card.customerName} ${waiting.card.callbackNumber}`)).toHaveTextContent(
      "Held: outside the customer's calling hours (09:00–20:00, America/Los_Angeles); dialing starts Tue 09:00 customer time",
    );
  });

  it('claims no hold for a vendor that does not hold dialing by calling hours', async () => {
    const { callingHours: _held, ...capabilities } = exampleCapabilities();
    await renderWaiting({ state: { queues, capabilities } });
    expect(screen.queryByText(/Held:/)).toBeNull();
  });

  it("greys Reassign with the vendor's reason where callbacks cannot be kept for an agent", async () => {
    const reason = 'This adapter creates Amazon Connect callback tasks in the queue, not for one agent.';
    const capabilities = exampleCapabilities({ keptCallbacks: false, reasons: { keptCallbacks: reason } });
    const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
    await renderWaiting({ state: { queues, capabilities } });
    const reassign = screen.getByRole('button', { name: 'Reassign' });
    expect(reassign).toHaveAttribute('aria-disabled', 'true');
    expect(reassign).toHaveAccessibleDescription(`Reassign: ${reason}`);
    await user.click(reassign);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
