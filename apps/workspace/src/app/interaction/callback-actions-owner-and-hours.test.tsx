import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleAgent, exampleCapabilities, exampleQueueConfig, exampleSalesQueueConfig } from '@icc/protocol';
import { noAnswerInteraction, previewingInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { CallbackActions } from './callback-actions';

describe('CallbackActions: keep it for me, calling hours', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('reschedules with the callback kept for me when I tick "Keep it for me"', async () => {
    const user = userEvent.setup();
    const interaction = noAnswerInteraction();
    const { session } = renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });

    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    await user.type(screen.getByLabelText('Call back at'), '2099-03-10T10:00');
    await user.click(screen.getByRole('checkbox', { name: 'Keep it for me (I make this call)' }));
    await user.click(screen.getByRole('button', { name: 'Confirm reschedule' }));

    expect(session.sentCommands).toEqual([
      { type: 'reschedule', interactionId: interaction.id, start: new Date('2099-03-10T10:00').toISOString(), assignedAgentId: exampleAgent().id },
    ]);
  });

  it('warns before dialing when it is night for the customer, and Call number says so to a screen reader', () => {
    // 13:00 UTC on 10 March 2026 is 06:00 in Los Angeles (Maya's zone).
    jest.useFakeTimers({ now: Date.parse('2026-03-10T13:00:00Z') });
    const interaction = previewingInteraction();
    renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(screen.getByRole('button', { name: 'Call number' })).toHaveAccessibleDescription(/It is Tue 06:00 for the customer \(America\/Los_Angeles\), outside calling hours \(08:00–21:00\)/);
  });

  it('says nothing inside calling hours', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-10T18:00:00Z') });
    const interaction = previewingInteraction();
    renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(screen.queryByText(/outside calling hours/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Call number' })).not.toHaveAttribute('aria-describedby');
  });

  it("warns by the queue's configured calling hours, not the default", () => {
    // 16:30 UTC is 09:30 in Los Angeles: inside 08:00–21:00, outside the queue's 10:00–22:30.
    jest.useFakeTimers({ now: Date.parse('2026-03-10T16:30:00Z') });
    const interaction = previewingInteraction();
    const queues = [exampleQueueConfig({ callingHours: { start: '10:00', end: '22:30' } }), exampleSalesQueueConfig()];
    renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction], queues } });
    expect(screen.getByRole('button', { name: 'Call number' })).toHaveAccessibleDescription(
      /It is Tue 09:30 for the customer \(America\/Los_Angeles\), outside calling hours \(10:00–22:30\)/,
    );
  });

  it('greys "Keep it for me" with the vendor\'s reason where the vendor cannot keep callbacks, and reschedules for anyone', async () => {
    const user = userEvent.setup();
    const interaction = noAnswerInteraction();
    const reason = 'Genesys Cloud takes an agent only as a routing preference.';
    const capabilities = exampleCapabilities({ keptCallbacks: false, reasons: { keptCallbacks: reason } });
    const { session } = renderWithSession(<CallbackActions interaction={interaction} />, { state: { interactions: [interaction], capabilities } });

    await user.click(screen.getByRole('button', { name: 'Reschedule' }));
    await user.type(screen.getByLabelText('Call back at'), '2099-03-10T10:00');
    const keep = screen.getByRole('checkbox', { name: 'Keep it for me (I make this call)' });
    expect(keep).toHaveAttribute('aria-disabled', 'true');
    expect(keep).toHaveAccessibleDescription(reason);
    await user.click(keep);
    expect(keep).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Confirm reschedule' }));
    expect(session.sentCommands).toEqual([{ type: 'reschedule', interactionId: interaction.id, start: new Date('2099-03-10T10:00').toISOString() }]);
  });
});
