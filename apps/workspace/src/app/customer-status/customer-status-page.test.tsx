import type { CustomerCallbackStatus, QueueSlotList } from '@icc/protocol';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CustomerStatusPage } from './customer-status-page';

const SLOT = '2030-01-02T10:00:00.000Z';
const waiting: CustomerCallbackStatus = {
  callbackId: 'cb-1',
  number: 'CB0000001',
  state: 'pending',
  stateText: 'Waiting for the next available agent',
  position: 1,
  estimatedWaitSeconds: 240,
  scheduledAt: null,
  changeable: true,
  timeZone: 'Europe/Zagreb',
};
const slots: QueueSlotList = {
  queueId: 'callbacks-af',
  timeZone: 'Europe/Zagreb',
  settings: { minutes: 5, capacity: 100, perHourCap: 1000 },
  items: [{ start: SLOT, end: '2030-01-02T10:05:00.000Z', localStart: '2030-01-02T11:00+01:00', booked: 0, remaining: 100 }],
};

/** The gateway's status routes, answering from a table: path (without query) → [status, body]. */
function answer(routes: Record<string, () => [number, unknown]>): jest.Mock {
  return jest.fn(async (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://gateway');
    expect(url.searchParams.get('token')).toBe('t'.repeat(43));
    expect(init?.referrerPolicy).toBe('no-referrer');
    const route = routes[`${init?.method ?? 'GET'} ${url.pathname}`];
    if (!route) throw new Error(`unexpected ${init?.method ?? 'GET'} ${url.pathname}`);
    const [status, body] = route();
    // jsdom has no Response: what the page reads of one.
    return { ok: status < 400, status, json: async () => body };
  });
}

describe('CustomerStatusPage', () => {
  const realFetch = global.fetch;
  afterEach(() => {
    global.fetch = realFetch;
  });

  it("moves to a picked free slot after confirmation, shows the time on the customer's clock and focuses what happened", async () => {
    const user = userEvent.setup({ delay: null });
    const base = '/v1/callbacks/cb-1/status';
    global.fetch = answer({
      [`GET ${base}`]: () => [200, waiting],
      [`GET ${base}/slots`]: () => [200, slots],
      [`POST ${base}/move`]: () => [200, { ...waiting, position: null, estimatedWaitSeconds: null, scheduledAt: SLOT }],
    }) as unknown as typeof fetch;
    render(<CustomerStatusPage callbackId="cb-1" token={'t'.repeat(43)} />);

    const picker = await screen.findByRole('combobox', { name: 'Move to a free time (your time zone, Europe/Zagreb)' });
    await screen.findByRole('option', { name: /11:00.*\(Europe\/Zagreb\) \(100 left\)/ });
    await user.selectOptions(picker, SLOT);
    await user.click(screen.getByRole('button', { name: 'Move to this time' }));
    expect(screen.getByRole('button', { name: 'Yes, move it' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Yes, move it' }));

    const notice = await screen.findByRole('status');
    expect(notice).toHaveTextContent(/^Your callback is moved\. We will call you .*11:00.*\(Europe\/Zagreb\)\.$/);
    await waitFor(() => expect(notice).toHaveFocus());
    expect(screen.getByRole('main')).toHaveTextContent(/We will call you.*11:00.*\(Europe\/Zagreb\)/);
  });

  it('offers the next free slots when the picked one was taken (409 slot_full)', async () => {
    const user = userEvent.setup({ delay: null });
    const base = '/v1/callbacks/cb-1/status';
    const next = '2030-01-02T10:05:00.000Z';
    global.fetch = answer({
      [`GET ${base}`]: () => [200, waiting],
      [`GET ${base}/slots`]: () => [200, slots],
      [`POST ${base}/move`]: () => [409, { code: 'slot_full', message: 'full', nextFreeSlots: [next] }],
    }) as unknown as typeof fetch;
    render(<CustomerStatusPage callbackId="cb-1" token={'t'.repeat(43)} />);
    await screen.findByRole('option', { name: /11:00/ });
    await user.selectOptions(screen.getByRole('combobox', { name: /Move to a free time/ }), SLOT);
    await user.click(screen.getByRole('button', { name: 'Move to this time' }));
    await user.click(screen.getByRole('button', { name: 'Yes, move it' }));

    const taken = await screen.findByRole('alert');
    expect(taken).toHaveTextContent('That time has just been taken. The next free times are:');
    await waitFor(() => expect(taken).toHaveFocus());
    await user.click(screen.getByRole('button', { name: /11:05.*\(Europe\/Zagreb\)/ }));
    expect(screen.getByRole('group', { name: /^Move your callback to .*11:05.*\?$/ })).toBeInTheDocument();
  });
});
