import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gatewayError } from '../../testing/fake-session';
import { wrapUpInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { WrapUpModal } from './wrap-up-modal';

describe('WrapUpModal', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is a modal dialog that takes focus', () => {
    const interaction = wrapUpInteraction();
    renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(screen.getByRole('dialog', { name: 'Wrap up: Maya Lindqvist' })).toHaveAttribute('aria-modal', 'true');
    expect(screen.getByRole('combobox', { name: 'Reason' })).toHaveFocus();
  });

  it('requires a reason before it submits', async () => {
    const user = userEvent.setup();
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, {
      state: { interactions: [interaction] },
    });

    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    const reason = screen.getByRole('combobox', { name: 'Reason' });
    expect(reason).toHaveAttribute('aria-invalid', 'true');
    expect(reason).toHaveAccessibleDescription('Choose a reason before you submit.');
    expect(reason).toHaveFocus();
    expect(session.sentCommands).toEqual([]);
  });

  it('submits reason and trimmed notes', async () => {
    const user = userEvent.setup();
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, {
      state: { interactions: [interaction] },
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Follow-up required');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), '  Send the replacement router.  ');
    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    expect(session.sentCommands).toEqual([
      {
        type: 'submit-wrap-up',
        interactionId: interaction.id,
        wrapUp: { reason: 'follow-up-required', notes: 'Send the replacement router.' },
      },
    ]);
    expect(await screen.findByText('Submit & close: sent.')).toBeVisible();
  });

  it('shows the gateway error when the submit is refused', async () => {
    const user = userEvent.setup();
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, {
      state: { interactions: [interaction] },
    });
    session.respondWith(async () => {
      throw gatewayError('vendor_unavailable', 'The vendor did not answer; try again in a moment', 503);
    });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Resolved');
    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Submit & close failed: The vendor did not answer; try again in a moment',
    );
  });

  it('shows the auto-close countdown', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-10T14:12:50Z') });
    const interaction = wrapUpInteraction({ autoCloseAt: '2026-03-10T14:13:40Z' });
    renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(screen.getAllByRole('timer').map((timer) => timer.textContent)).toEqual(['0:10', 'Closes automatically in 0:50']);
    expect(screen.getByRole('timer', { name: 'After-call work' })).toHaveTextContent('0:10');
  });

  it('cannot be submitted before the capabilities arrived', () => {
    const interaction = wrapUpInteraction();
    renderWithSession(<WrapUpModal interaction={interaction} />, {
      state: { interactions: [interaction], capabilities: undefined },
    });
    expect(screen.getByRole('button', { name: 'Submit & close' })).toBeDisabled();
  });
});
