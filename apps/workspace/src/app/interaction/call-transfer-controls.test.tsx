import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleCapabilities } from '@icc/protocol';
import { connectedInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { LiveCallControls } from './live-call-controls';

describe('live-call transfer to an agent, a queue or an outside number', () => {
  it('sends a blind transfer to a queue picked from the queue list', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction();
    const { session } = renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });
    await user.click(screen.getByRole('radio', { name: 'Queue' }));
    const queue = screen.getByRole('combobox', { name: 'Transfer to queue' }) as HTMLSelectElement;
    expect(screen.queryByRole('button', { name: 'Consult' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Blind transfer' }));
    expect(session.sentCommands).toEqual([{ type: 'transfer-call', interactionId: call.id, target: { kind: 'queue', queueId: queue.value } }]);
  });

  it('validates the outside number inline and sends it once valid', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction();
    const { session } = renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });
    await user.click(screen.getByRole('radio', { name: 'External number' }));
    const number = screen.getByRole('textbox', { name: 'Outside number' });
    await user.type(number, '0207 183');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Blind transfer' })).toBeDisabled();
    await user.clear(number);
    await user.type(number, '+442071838750');
    expect(number).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Blind transfer' }));
    expect(session.sentCommands).toEqual([{ type: 'transfer-call', interactionId: call.id, target: { kind: 'external', phoneNumber: '+442071838750' } }]);
  });

  it('greys the kinds the vendor cannot do, with its reason', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction();
    const reasons = { transferCallExternal: 'No outside transfers on this platform.' };
    renderWithSession(<LiveCallControls interaction={call} />, {
      state: { interactions: [call], capabilities: exampleCapabilities({ transferCallExternal: false, reasons }) },
    });
    const external = screen.getByRole('radio', { name: /External number/ });
    expect(external).toHaveAttribute('aria-disabled', 'true');
    expect(external).toHaveAccessibleDescription('No outside transfers on this platform.');
    await user.click(external);
    expect(screen.getByRole('combobox', { name: 'Transfer to agent' })).toBeVisible();
  });
});

describe('defaultTransferAgentId', () => {
  it('prefers an Available agent, then anyone not Offline, never an Offline one first', () => {
    const { defaultTransferAgentId } = jest.requireActual<typeof import('./call-transfer-target-fields')>('./call-transfer-target-fields');
    const offline = { id: 'a-off', presence: 'offline' };
    expect(defaultTransferAgentId([offline, { id: 'a-away', presence: 'away' }, { id: 'a-av', presence: 'available' }])).toBe('a-av');
    expect(defaultTransferAgentId([offline, { id: 'a-away', presence: 'away' }])).toBe('a-away');
    expect(defaultTransferAgentId([offline])).toBe('a-off');
  });
});
