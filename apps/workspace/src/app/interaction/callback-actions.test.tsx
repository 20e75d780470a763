import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { gatewayError } from '../../testing/fake-session';
import {
  EXAMPLE_IDS,
  EXAMPLE_PHONE_NUMBERS,
  dialingInteraction,
  noAnswerInteraction,
  previewingInteraction,
} from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { CallbackActions } from './callback-actions';

const ACTIONS = ['Call number', 'Retry call', 'Close callback', 'Transfer callback', 'Reschedule'] as const;

function enabledActions(): string[] {
  const group = screen.getByRole('group', { name: 'Callback actions' });
  return ACTIONS.filter((name) => within(group).getByRole('button', { name }).hasAttribute('disabled') === false);
}

describe('CallbackActions', () => {
  it.each([
    ['previewing', previewingInteraction(), ['Call number', 'Close callback', 'Transfer callback', 'Reschedule']],
    ['no-answer', noAnswerInteraction(), ['Retry call', 'Close callback', 'Reschedule']],
    ['dialing', dialingInteraction(), []],
  ])('while %s enables exactly %j', (_state, interaction, expected) => {
    renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(enabledActions()).toEqual(expected);
  });

  it('enables nothing before the welcome frame brought the capabilities', () => {
    const interaction = previewingInteraction();
    renderWithSession(<CallbackActions interaction={interaction} />, {
      state: { interactions: [interaction], capabilities: undefined },
    });
    expect(enabledActions()).toEqual([]);
    expect(screen.getByRole('combobox', { name: 'Callback number' })).toBeDisabled();
  });

  it('enables nothing for an interaction handled by another agent', () => {
    const interaction = previewingInteraction({ agentId: EXAMPLE_IDS.otherAgentId });
    renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(enabledActions()).toEqual([]);
  });

  it('dials the number chosen in the Callback number drop-down', async () => {
    const user = userEvent.setup();
    const interaction = previewingInteraction();
    const { session } = renderWithSession(<CallbackActions interaction={interaction} />, {
      state: { interactions: [interaction] },
    });

    const numbers = screen.getByRole('combobox', { name: 'Callback number' });
    expect(within(numbers).getAllByRole('option').map((option) => option.textContent)).toEqual([
      EXAMPLE_PHONE_NUMBERS.us,
      EXAMPLE_PHONE_NUMBERS.usMobile,
    ]);
    await user.selectOptions(numbers, EXAMPLE_PHONE_NUMBERS.usMobile);
    await user.click(screen.getByRole('button', { name: 'Call number' }));

    expect(session.sentCommands).toEqual([
      { type: 'dial', interactionId: interaction.id, phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile },
    ]);
    expect(await screen.findByText(`Call number ${EXAMPLE_PHONE_NUMBERS.usMobile}: sent.`)).toBeVisible();
  });

  it('retries the last number dialed unless another is chosen', async () => {
    const user = userEvent.setup();
    const interaction = noAnswerInteraction();
    const { session } = renderWithSession(<CallbackActions interaction={interaction} />, {
      state: { interactions: [interaction] },
    });

    expect(screen.getByRole('combobox', { name: 'Callback number' })).toHaveValue(EXAMPLE_PHONE_NUMBERS.usMobile);
    await user.click(screen.getByRole('button', { name: 'Retry call' }));
    expect(session.sentCommands).toEqual([
      { type: 'redial', interactionId: interaction.id, phoneNumber: EXAMPLE_PHONE_NUMBERS.usMobile },
    ]);
  });

  it('shows the gateway error message when a command is refused', async () => {
    const user = userEvent.setup();
    const interaction = previewingInteraction();
    const { session } = renderWithSession(<CallbackActions interaction={interaction} />, {
      state: { interactions: [interaction] },
    });
    session.respondWith(async () => {
      throw gatewayError('invalid_transition', '"close-callback" is not allowed while the interaction is dialing');
    });

    await user.click(screen.getByRole('button', { name: 'Close callback' }));
    const dialog = screen.getByRole('dialog', { name: 'Close callback: Maya Lindqvist' });
    await user.selectOptions(within(dialog).getByLabelText('Closing reason'), 'Resolved another way');
    await user.click(within(dialog).getByRole('button', { name: 'Close callback' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Close callback failed: "close-callback" is not allowed while the interaction is dialing',
    );
  });

  it('shows the auto-dial countdown next to Call number', () => {
    // 17:06 UTC is 10:06 for Maya in Los Angeles: inside calling hours, so only the countdown describes the button.
    jest.useFakeTimers({ now: Date.parse('2026-03-10T17:06:20Z') });
    try {
      const interaction = previewingInteraction({ autoDialAt: '2026-03-10T17:06:32Z' });
      renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });
      const callNumber = screen.getByRole('button', { name: 'Call number' });
      expect(callNumber).toHaveAccessibleDescription('Auto-dial in 0:12');
    } finally {
      jest.useRealTimers();
    }
  });

  it('transfers the callback to another queue and offers to cancel while it waits', async () => {
    const user = userEvent.setup();
    const interaction = previewingInteraction();
    const { session, rerender } = renderWithSession(<CallbackActions interaction={interaction} />, {
      state: { interactions: [interaction] },
    });

    await user.click(screen.getByRole('button', { name: 'Transfer callback' }));
    const form = screen.getByRole('form', { name: 'Transfer callback' });
    expect(within(form).getByRole('combobox', { name: 'Queue' })).toHaveValue(EXAMPLE_IDS.salesQueueId);
    await user.click(within(form).getByRole('button', { name: 'Confirm transfer' }));
    expect(session.sentCommands).toEqual([
      {
        type: 'transfer-callback',
        interactionId: interaction.id,
        target: { kind: 'queue', queueId: EXAMPLE_IDS.salesQueueId },
      },
    ]);

    const transferring = previewingInteraction({ state: 'transferring' });
    act(() => session.update({ interactions: [transferring] }));
    rerender(<CallbackActions interaction={transferring} />);
    expect(screen.getByText('Transferring callback, please wait...')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Cancel callback transfer' }));
    expect(session.sentCommands.at(-1)).toEqual({ type: 'cancel-transfer', interactionId: interaction.id });
  });

  it('leaves transfer out in the Global Voice Control', () => {
    const interaction = previewingInteraction();
    renderWithSession(<CallbackActions interaction={interaction} variant="global-voice-control" />, {
      state: { interactions: [interaction] },
    });
    expect(screen.queryByRole('button', { name: 'Transfer callback' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reschedule' })).toBeNull();
  });

  it('reschedules to a later time, and refuses a time in the past', async () => {
    jest.useFakeTimers({ now: new Date(2026, 2, 10, 14, 0) });
    try {
      const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
      const interaction = noAnswerInteraction();
      const { session } = renderWithSession(<CallbackActions interaction={interaction} />, {
        state: { interactions: [interaction] },
      });

      await user.click(screen.getByRole('button', { name: 'Reschedule' }));
      const form = screen.getByRole('form', { name: 'Reschedule callback' });
      const start = within(form).getByLabelText('Call back at');
      await user.type(start, '2026-03-10T09:00');
      await user.click(within(form).getByRole('button', { name: 'Confirm reschedule' }));
      expect(start).toHaveAccessibleDescription('The new time must be in the future.');
      expect(session.sentCommands).toEqual([]);

      await user.clear(start);
      await user.type(start, '2026-03-11T16:30');
      await user.click(within(form).getByRole('button', { name: 'Confirm reschedule' }));
      expect(session.sentCommands).toEqual([
        { type: 'reschedule', interactionId: interaction.id, start: new Date(2026, 2, 11, 16, 30).toISOString() },
      ]);
    } finally {
      jest.useRealTimers();
    }
  });
});
