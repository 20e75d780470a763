import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent, exampleQueueConfig } from '@icc/protocol';
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

  it('Escape and Cancel dismiss it', async () => {
    const user = userEvent.setup({ delay: null });
    const dismissed = jest.fn();
    renderWithSession(<NewCallbackDialog onDismiss={dismissed} onCreated={jest.fn()} />);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(dismissed).toHaveBeenCalledTimes(2);
  });
});
