import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { connectedInteraction, offeredInteraction, wrapUpInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { exampleAgent } from '@icc/protocol';
import { WorkspaceShell } from './workspace-shell';

describe('WorkspaceShell', () => {
  afterEach(() => {
    window.location.hash = '';
  });

  it('opens the wrap-up on whatever page the agent is, with the after-call-work timer', () => {
    window.location.hash = '#/callbacks';
    renderWithSession(<WorkspaceShell onSignOut={() => undefined} />, { state: { interactions: [wrapUpInteraction()] } });
    const dialog = screen.getByRole('dialog', { name: 'Wrap up: Maya Lindqvist' });
    expect(within(dialog).getByRole('timer', { name: 'After-call work' })).toBeVisible();
  });

  it('shows the presence the server decided (Busy, After-call work) with its time in state, and the chosen presence in the field', () => {
    const busy = exampleAgent({ presence: 'busy', presenceSince: '2026-03-10T09:00:00Z', chosenPresence: 'away' });
    const { session } = renderWithSession(<WorkspaceShell onSignOut={() => undefined} />, {
      state: { me: busy, interactions: [connectedInteraction()] },
    });
    const banner = within(screen.getByRole('banner'));
    const state = banner.getByRole('status', { name: 'Presence state' });
    expect(state).toHaveTextContent('Busy');
    expect(banner.getByRole('timer', { name: 'Time Busy' })).toBeVisible();
    expect(banner.getByRole('combobox', { name: 'Presence' })).toHaveValue('away');
    act(() => session.update({ me: { ...busy, presence: 'wrap-up' }, interactions: [wrapUpInteraction()] }));
    expect(state).toHaveTextContent('After-call work');
    // The browser no longer derives the state from the interactions: the server's word stands.
    act(() => session.update({ me: exampleAgent({ presence: 'available' }), interactions: [connectedInteraction()] }));
    expect(state).toHaveTextContent('Available');
  });

  it('accepts the oldest offer with Alt+Shift+A and ends the call with Alt+Shift+E', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<WorkspaceShell onSignOut={() => undefined} />, { state: { interactions: [offer] } });
    await user.keyboard('{Alt>}{Shift>}A{/Shift}{/Alt}');
    act(() => session.update({ interactions: [connectedInteraction()] }));
    await user.keyboard('{Alt>}{Shift>}E{/Shift}{/Alt}');
    expect(session.sentCommands).toEqual([
      { type: 'accept', interactionId: offer.id },
      { type: 'end-call', interactionId: connectedInteraction().id },
    ]);
  });
});
