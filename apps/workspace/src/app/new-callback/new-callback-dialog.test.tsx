import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent, exampleCapabilities, exampleQueueConfig } from '@icc/protocol';
import { renderWithSession } from '../../testing/render-with-session';
import { NewCallbackDialog } from './new-callback-dialog';

// Typing a whole form through user-event is slow on a loaded machine.
jest.setTimeout(30_000);

describe('NewCallbackDialog', () => {
  it('creates a callback for the customer on the phone, kept for me by default, source agent', async () => {
    const user = userEvent.setup({ delay: null });
    const created = jest.fn();
    const { session } = renderWithSession(<NewCallbackDialog onDismiss={jest.fn()} onCreated={created} />);

    expect(screen.getByRole('dialog', { name: 'New callback' })).toBeVisible();
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Noor');
    await user.type(screen.getByRole('textbox', { name: 'Last name' }), 'Haddad');
    await user.type(screen.getByRole('textbox', { name: /Phone numbers/ }), '+14155550123, +14155550124');
    await user.clear(screen.getByRole('textbox', { name: 'Customer time zone' }));
    await user.type(screen.getByRole('textbox', { name: 'Customer time zone' }), 'America/Chicago');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Router keeps rebooting');
    await user.click(screen.getByRole('button', { name: 'Create callback' }));

    expect(session.createdCallbacks).toEqual([
      expect.objectContaining({
        queueId: exampleQueueConfig().id,
        customer: { firstName: 'Noor', lastName: 'Haddad', phoneNumbers: ['+14155550123', '+14155550124'], timeZone: 'America/Chicago' },
        shortDescription: 'Router keeps rebooting',
        schedule: { type: 'asap' },
        source: 'agent',
        assignedAgentId: exampleAgent().id,
      }),
    ]);
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ assignedAgentId: exampleAgent().id }));
  });

  it("creates an ordinary callback where the vendor cannot keep one for an agent, saying why the box is greyed", async () => {
    const user = userEvent.setup({ delay: null });
    const reason = 'Genesys Cloud takes an agent only as a routing preference.';
    const capabilities = exampleCapabilities({ keptCallbacks: false, reasons: { keptCallbacks: reason } });
    const { session } = renderWithSession(<NewCallbackDialog onDismiss={jest.fn()} onCreated={jest.fn()} />, { state: { capabilities } });

    const keep = screen.getByRole('checkbox', { name: 'Keep it for me (I make this call)' });
    expect(keep).not.toBeChecked();
    expect(keep).toHaveAttribute('aria-disabled', 'true');
    expect(keep).toHaveAccessibleDescription(reason);
    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Noor');
    await user.type(screen.getByRole('textbox', { name: 'Last name' }), 'Haddad');
    await user.type(screen.getByRole('textbox', { name: /Phone numbers/ }), '+14155550123');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Router keeps rebooting');
    await user.click(screen.getByRole('button', { name: 'Create callback' }));
    expect(session.createdCallbacks).toHaveLength(1);
    expect(session.createdCallbacks[0]).not.toHaveProperty('assignedAgentId');
  });

  it('puts each problem on its field, focuses the first and sends nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const { session } = renderWithSession(<NewCallbackDialog onDismiss={jest.fn()} onCreated={jest.fn()} />);

    await user.type(screen.getByRole('textbox', { name: /Phone numbers/ }), '0155 1234');
    await user.click(screen.getByRole('checkbox', { name: 'Keep it for me (I make this call)' }));
    await user.click(screen.getByRole('button', { name: 'Create callback' }));

    const firstName = screen.getByRole('textbox', { name: 'First name' });
    expect(firstName).toHaveAttribute('aria-invalid', 'true');
    expect(firstName).toHaveFocus();
    expect(screen.getByRole('textbox', { name: /Phone numbers/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('textbox', { name: 'Summary' })).toHaveAttribute('aria-invalid', 'true');
    expect(session.createdCallbacks).toEqual([]);
  });

  it("offers the chosen queue's free slots and schedules into the one picked", async () => {
    const user = userEvent.setup({ delay: null });
    const start = new Date(Date.now() + 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const slot = (at: Date, remaining: number) => ({ start: at.toISOString(), end: new Date(at.getTime() + 300_000).toISOString(), localStart: '', booked: 100 - remaining, remaining });
    const { session } = renderWithSession(<NewCallbackDialog onDismiss={jest.fn()} onCreated={jest.fn()} />, {
      slots: [slot(start, 0), slot(new Date(start.getTime() + 300_000), 7)],
    });
    const picker = screen.getByRole('combobox', { name: 'Free slot' });
    // The full slot is not offered.
    expect(await screen.findByRole('option', { name: /7 left/ })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: /0 left/ })).not.toBeInTheDocument();
    expect(session.slotQueries).toEqual([exampleQueueConfig().id]);

    await user.type(screen.getByRole('textbox', { name: 'First name' }), 'Noor');
    await user.type(screen.getByRole('textbox', { name: 'Last name' }), 'Haddad');
    await user.type(screen.getByRole('textbox', { name: /Phone numbers/ }), '+14155550123');
    await user.type(screen.getByRole('textbox', { name: 'Summary' }), 'Router keeps rebooting');
    await user.selectOptions(picker, new Date(start.getTime() + 300_000).toISOString());
    await user.click(screen.getByRole('button', { name: 'Create callback' }));

    expect(session.createdCallbacks).toEqual([expect.objectContaining({ schedule: { type: 'scheduled', start: new Date(start.getTime() + 300_000).toISOString() } })]);
  });

  it('Escape and Cancel dismiss it', async () => {
    const user = userEvent.setup({ delay: null });
    const dismissed = jest.fn();
    renderWithSession(<NewCallbackDialog onDismiss={dismissed} onCreated={jest.fn()} />);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dismissed).toHaveBeenCalledTimes(2);
  });
});
