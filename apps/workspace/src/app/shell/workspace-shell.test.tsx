import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { connectedInteraction, offeredInteraction, wrapUpInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
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

  it('shows Busy during a call and After-call work during wrap-up in the header', () => {
    const { session } = renderWithSession(<WorkspaceShell onSignOut={() => undefined} />, {
      state: { interactions: [connectedInteraction()] },
    });
    const state = within(screen.getByRole('banner')).getByRole('status', { name: 'Presence state' });
    expect(state).toHaveTextContent('Busy');
    act(() => session.update({ interactions: [wrapUpInteraction()] }));
    expect(state).toHaveTextContent('After-call work');
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
