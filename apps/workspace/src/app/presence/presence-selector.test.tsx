import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent } from '@icc/protocol';
import { renderWithSession } from '../../testing/render-with-session';
import { PresenceSelector } from './presence-selector';

describe('PresenceSelector', () => {
  it('sets Available, Away or Offline', async () => {
    const user = userEvent.setup();
    const { session } = renderWithSession(<PresenceSelector />);
    const presence = screen.getByRole('combobox', { name: 'Presence' });
    expect(presence).toHaveValue('available');

    await user.selectOptions(presence, 'Away');

    expect(session.presenceRequests).toEqual(['away']);
    expect(presence).toHaveValue('away');
  });

  it('shows the system presence during a call', () => {
    renderWithSession(<PresenceSelector />, { state: { me: exampleAgent({ presence: 'busy' }) } });
    expect(screen.getByRole('combobox', { name: 'Presence' })).toHaveDisplayValue('Busy');
  });

  it('shows why a change failed', async () => {
    const user = userEvent.setup();
    const { session } = renderWithSession(<PresenceSelector />);
    session.rest.setPresence = async () => {
      throw Object.assign(new Error('offline'), { body: { code: 'network_error', message: 'Is the gateway running?' } });
    };
    await user.selectOptions(screen.getByRole('combobox', { name: 'Presence' }), 'Offline');
    expect(await screen.findByRole('alert')).toHaveTextContent('Is the gateway running?');
    expect(screen.getByRole('combobox', { name: 'Presence' })).toHaveValue('available');
  });
});
