import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FULL_CAPABILITIES } from '@icc/protocol';
import { connectedInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { LiveCallControls } from '../interaction/live-call-controls';

describe('controls a vendor does not support', () => {
  const capabilities = {
    ...FULL_CAPABILITIES,
    transferCall: false,
    consultTransfer: false,
    escalate: false,
    reasons: { transferCall: "Transfers of the agent's Amazon Connect call are not supported by this adapter.", escalate: 'Amazon Connect has no escalate flag.' },
  };

  it("are greyed, stay reachable by keyboard, say the vendor's reason, and send nothing", async () => {
    const user = userEvent.setup();
    const interaction = connectedInteraction();
    const { session } = renderWithSession(<LiveCallControls interaction={interaction} />, { state: { interactions: [interaction], capabilities } });

    const escalate = screen.getByRole('button', { name: 'Escalate' });
    expect(escalate).toHaveAttribute('aria-disabled', 'true');
    expect(escalate).not.toBeDisabled();
    expect(escalate).toHaveAccessibleDescription('Escalate: Amazon Connect has no escalate flag.');
    expect(screen.getByRole('button', { name: 'Blind transfer' })).toHaveAccessibleDescription(
      "Transfer call: Transfers of the agent's Amazon Connect call are not supported by this adapter.",
    );
    // No reason given for consult: a plain default naming the capability.
    expect(screen.getByRole('button', { name: 'Consult' })).toHaveAccessibleDescription(/Consult: The contact-centre platform in use does not support this \(consultTransfer\)\./);

    escalate.focus();
    expect(escalate).toHaveFocus();
    await user.keyboard('{Enter}');
    await user.click(escalate);
    expect(session.sentCommands).toEqual([]);
    // Controls the vendor supports keep the ordinary behaviour.
    expect(screen.getByRole('button', { name: 'Hold' })).not.toHaveAttribute('aria-disabled');
  });
});
