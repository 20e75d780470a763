import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleCapabilities } from '@icc/protocol';
import { EXAMPLE_IDS, connectedInteraction, dialingInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { LiveCallControls } from './live-call-controls';

function callControls(): HTMLElement {
  return screen.getByRole('group', { name: 'Call controls' });
}

function enabledButtons(container: HTMLElement): string[] {
  return within(container)
    .getAllByRole('button')
    // Greyed for a vendor reason is aria-disabled (still focusable), not disabled.
    .filter((button) => !button.hasAttribute('disabled') && button.getAttribute('aria-disabled') !== 'true')
    .map((button) => button.textContent ?? '');
}

describe('LiveCallControls', () => {
  it('on a connected call enables mute, hold, recording, escalate and end', () => {
    const call = connectedInteraction();
    renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });
    expect(enabledButtons(callControls())).toEqual(['Mute', 'Hold', 'Start recording', 'Escalate', 'End call']);
    expect(screen.getByRole('button', { name: 'Blind transfer' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Consult' })).toBeEnabled();
  });

  it('while dialing only lets the agent end the call', () => {
    const call = dialingInteraction();
    renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });
    expect(enabledButtons(callControls())).toEqual(['End call']);
    expect(screen.queryByRole('button', { name: 'Dial pad' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Blind transfer' })).toBeNull();
  });

  it('offers Resume and Unmute for a held, muted call and keeps the dial pad off', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction({ state: 'on-hold', call: { muted: true, recording: false, escalated: false, conference: false } });
    renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });
    expect(enabledButtons(callControls())).toEqual(['Unmute', 'Resume', 'Start recording', 'Escalate', 'End call']);
    expect(within(screen.getByRole('list', { name: 'Call status' })).getByText('Muted')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Dial pad' }));
    expect(within(screen.getByRole('group', { name: 'Dial pad keys' })).getByRole('button', { name: '5' })).toBeDisabled();
  });

  it('follows the vendor capabilities: no hold or recording where the vendor has none', () => {
    const call = connectedInteraction();
    renderWithSession(<LiveCallControls interaction={call} />, {
      state: { interactions: [call], capabilities: exampleCapabilities({ hold: false, record: false }) },
    });
    expect(enabledButtons(callControls())).toEqual(['Mute', 'Escalate', 'End call']);
    expect(screen.getByRole('button', { name: 'Hold' })).toHaveAccessibleDescription(/Hold: The contact-centre platform in use does not support this \(hold\)\./);
  });

  it('sends the command of each control', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction();
    const { session } = renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });

    await user.click(screen.getByRole('button', { name: 'Mute' }));
    await user.click(screen.getByRole('button', { name: 'Escalate' }));
    await user.click(screen.getByRole('button', { name: 'Dial pad' }));
    await user.click(screen.getByRole('button', { name: '#' }));
    await user.click(screen.getByRole('button', { name: 'Consult' }));
    await user.click(screen.getByRole('button', { name: 'End call' }));

    expect(session.sentCommands).toEqual([
      { type: 'mute', interactionId: call.id },
      { type: 'escalate', interactionId: call.id, escalated: true },
      { type: 'send-dtmf', interactionId: call.id, digits: '#' },
      { type: 'consult-call', interactionId: call.id, agentId: EXAMPLE_IDS.otherAgentId },
      { type: 'end-call', interactionId: call.id },
    ]);
    expect(screen.getByText('Sent: #')).toBeVisible();
  });

  it('during a consult offers Merge calls, Leave & transfer and Cancel consult', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction({
      call: { muted: false, recording: false, escalated: false, conference: false, consultAgentId: EXAMPLE_IDS.otherAgentId },
    });
    const { session } = renderWithSession(<LiveCallControls interaction={call} />, { state: { interactions: [call] } });

    expect(screen.getByText('Grace Hopper')).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Blind transfer' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Merge calls' }));
    await user.click(screen.getByRole('button', { name: 'Leave & transfer' }));
    await user.click(screen.getByRole('button', { name: 'Cancel consult' }));
    expect(session.sentCommands.map((command) => command.type)).toEqual([
      'merge-calls',
      'leave-and-transfer',
      'cancel-consult',
    ]);
  });
});
