import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  EXAMPLE_IDS,
  EXAMPLE_PHONE_NUMBERS,
  connectedInteraction,
  dialingInteraction,
  noAnswerInteraction,
  offeredInteraction,
  previewingInteraction,
} from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { CallbackActions } from '../interaction/callback-actions';
import { GlobalVoiceControl } from './global-voice-control';

function gvc(): HTMLElement {
  return screen.getByRole('region', { name: 'Global Voice Control' });
}

describe('GlobalVoiceControl', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says so when the agent has no active callback', () => {
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [] } });
    expect(within(gvc()).getByText('No active callback')).toBeVisible();
    expect(within(gvc()).queryByRole('link', { name: 'Open interaction' })).toBeNull();
  });

  it('shows an alerting offer with Accept and Reject, and accepts it from the bar', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<GlobalVoiceControl />, { state: { interactions: [offer] } });
    const group = within(gvc()).getByRole('group', { name: 'Offer' });
    expect(within(group).getByText('Offer: Maya Lindqvist')).toBeVisible();
    expect(within(group).getByRole('button', { name: 'Reject' })).toBeEnabled();
    const accept = within(group).getByRole('button', { name: 'Accept' });
    expect(accept).toHaveAttribute('aria-keyshortcuts', 'Alt+Shift+A');
    await user.click(accept);
    expect(session.sentCommands).toEqual([{ type: 'accept', interactionId: offer.id }]);
  });

  it('names the number Call number will dial: the one picked, shared with every other picker', async () => {
    const user = userEvent.setup();
    const interaction = previewingInteraction();
    const other = interaction.card.phoneNumbers[1];
    if (other === undefined) throw new Error('the fixture needs two numbers');
    const { session } = renderWithSession(
      <>
        <CallbackActions interaction={interaction} />
        <GlobalVoiceControl />
      </>,
      { state: { interactions: [interaction] } },
    );
    const [pagePicker] = screen.getAllByLabelText('Callback number');
    await user.selectOptions(pagePicker as HTMLElement, other);
    expect(within(gvc()).getByText(`Will call ${other}`)).toBeVisible();
    await user.click(within(gvc()).getByRole('button', { name: 'Call number' }));
    expect(session.sentCommands).toEqual([{ type: 'dial', interactionId: interaction.id, phoneNumber: other }]);
  });

  it('shows the call state, a running call timer and the Open interaction link', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-10T14:10:27Z') });
    const call = connectedInteraction();
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [call] } });

    expect(within(gvc()).getByText('Connected')).toBeVisible();
    expect(within(gvc()).getByText('Maya Lindqvist')).toBeVisible();
    const timer = within(gvc()).getByRole('timer', { name: 'Call timer' });
    expect(timer).toHaveTextContent('3:12');
    act(() => {
      jest.advanceTimersByTime(3_000);
    });
    expect(timer).toHaveTextContent('3:15');
    expect(within(gvc()).getByRole('link', { name: 'Open interaction' })).toHaveAttribute(
      'href',
      `#/interactions/${call.id}`,
    );
  });

  it('offers the callback actions except transfer', async () => {
    const user = userEvent.setup();
    const interaction = previewingInteraction();
    const { session } = renderWithSession(<GlobalVoiceControl />, { state: { interactions: [interaction] } });

    const region = gvc();
    expect(within(region).getByRole('button', { name: 'Call number' })).toBeEnabled();
    expect(within(region).getByRole('button', { name: 'Retry call' })).toBeDisabled();
    expect(within(region).getByRole('button', { name: 'Close callback' })).toBeEnabled();
    expect(within(region).queryByRole('button', { name: 'Transfer callback' })).toBeNull();

    await user.click(within(region).getByRole('button', { name: 'Call number' }));
    expect(session.sentCommands).toEqual([
      { type: 'dial', interactionId: interaction.id, phoneNumber: EXAMPLE_PHONE_NUMBERS.us },
    ]);
  });

  it('holds, resumes and ends the live call from any page', async () => {
    const user = userEvent.setup();
    const call = connectedInteraction();
    const { session } = renderWithSession(<GlobalVoiceControl />, { state: { interactions: [call] } });
    const callControls = within(gvc()).getByRole('group', { name: 'Call controls' });

    await user.click(within(callControls).getByRole('button', { name: 'Hold' }));
    act(() => session.update({ interactions: [connectedInteraction({ state: 'on-hold' })] }));
    await user.click(within(callControls).getByRole('button', { name: 'Resume' }));
    await user.click(within(callControls).getByRole('button', { name: 'End call' }));

    expect(session.sentCommands).toEqual([
      { type: 'hold', interactionId: call.id },
      { type: 'resume', interactionId: call.id },
      { type: 'end-call', interactionId: call.id },
    ]);
  });

  it('offers End call but not Hold while the customer is being dialed', () => {
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [dialingInteraction()] } });
    const callControls = within(gvc()).getByRole('group', { name: 'Call controls' });
    expect(within(callControls).getByRole('button', { name: 'Hold' })).toBeDisabled();
    expect(within(callControls).getByRole('button', { name: 'End call' })).toBeEnabled();
  });

  it('drops the callback actions during a live call, where none of them applies', () => {
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [connectedInteraction()] } });
    expect(within(gvc()).queryByRole('button', { name: 'Call number' })).toBeNull();
    expect(within(gvc()).queryByRole('button', { name: 'Retry call' })).toBeNull();
    expect(within(gvc()).getByRole('button', { name: 'End call' })).toBeEnabled();
  });

  it('has no call controls before a call is placed', () => {
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [previewingInteraction()] } });
    expect(within(gvc()).queryByRole('group', { name: 'Call controls' })).toBeNull();
  });

  it('follows the most urgent interaction: a live call before a callback waiting for retry', () => {
    const retry = noAnswerInteraction({ id: 'ix-retry' });
    const call = connectedInteraction({ id: 'ix-call' });
    renderWithSession(<GlobalVoiceControl />, { state: { interactions: [retry, call] } });
    expect(within(gvc()).getByRole('link', { name: 'Open interaction' })).toHaveAttribute('href', '#/interactions/ix-call');
    expect(within(gvc()).getByText('+1 more in Inbox')).toBeVisible();
  });

  it('ignores interactions of other agents', () => {
    renderWithSession(<GlobalVoiceControl />, {
      state: { interactions: [connectedInteraction({ agentId: EXAMPLE_IDS.otherAgentId })] },
    });
    expect(within(gvc()).getByText('No active callback')).toBeVisible();
  });

  it('updates as the interaction moves on', () => {
    const interaction = previewingInteraction();
    const { session } = renderWithSession(<GlobalVoiceControl />, { state: { interactions: [interaction] } });
    expect(within(gvc()).getByText('Previewing')).toBeVisible();
    act(() => session.update({ interactions: [noAnswerInteraction()] }));
    expect(within(gvc()).getByText('No answer')).toBeVisible();
    expect(within(gvc()).getByRole('button', { name: 'Retry call' })).toBeEnabled();
  });
});
