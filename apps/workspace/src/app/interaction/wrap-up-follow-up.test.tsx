import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EXAMPLE_IDS, exampleAgent, exampleCallback, exampleCapabilities } from '@icc/protocol';
import { wrapUpInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { WrapUpModal } from './wrap-up-modal';

/** `datetime-local` value one day from now, on this machine's clock. */
function tomorrowInput(): string {
  const tomorrow = new Date(Date.now() + 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${tomorrow.getFullYear()}-${pad(tomorrow.getMonth() + 1)}-${pad(tomorrow.getDate())}T10:00`;
}

jest.setTimeout(30_000);

describe('WrapUpModal: "call me back Tuesday"', () => {
  const previous = exampleCallback({ id: EXAMPLE_IDS.callbackId, caseRef: 'CASE-7' });

  it('creates a follow-up callback kept for me at the chosen time, then submits the wrap-up', async () => {
    const user = userEvent.setup({ delay: null });
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] }, callbacks: [previous] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Follow-up required');
    await user.click(screen.getByRole('checkbox', { name: 'I will call the customer back myself' }));
    const start = tomorrowInput();
    await user.type(screen.getByLabelText('Call back at (your time)'), start);
    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    expect(session.createdCallbacks).toEqual([
      expect.objectContaining({
        queueId: previous.queueId,
        customer: previous.customer,
        caseRef: 'CASE-7',
        source: 'agent',
        assignedAgentId: exampleAgent().id,
        schedule: { type: 'scheduled', start: new Date(start).toISOString() },
      }),
    ]);
    expect(session.sentCommands.map((command) => command.type)).toEqual(['submit-wrap-up']);
  });

  it('asks for a future time and submits nothing until it has one', async () => {
    const user = userEvent.setup({ delay: null });
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] }, callbacks: [previous] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Resolved');
    await user.click(screen.getByRole('checkbox', { name: 'I will call the customer back myself' }));
    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    expect(screen.getByLabelText('Call back at (your time)')).toHaveAccessibleDescription('Choose when to call back.');
    expect(session.createdCallbacks).toEqual([]);
    expect(session.sentCommands).toEqual([]);
  });

  it('keeps the wrap-up open and says why when the follow-up cannot be created', async () => {
    const user = userEvent.setup({ delay: null });
    const interaction = wrapUpInteraction();
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] }, callbacks: [] });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'Resolved');
    await user.click(screen.getByRole('checkbox', { name: 'I will call the customer back myself' }));
    await user.type(screen.getByLabelText('Call back at (your time)'), tomorrowInput());
    await user.click(screen.getByRole('button', { name: 'Submit & close' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not create the call back');
    expect(session.sentCommands).toEqual([]);
  });
});

describe('WrapUpModal: extending after-call work', () => {
  it('sends extend-wrap-up when the queue closes wrap-up by itself', async () => {
    const user = userEvent.setup({ delay: null });
    const interaction = wrapUpInteraction({ autoCloseAt: new Date(Date.now() + 60_000).toISOString() });
    const { session } = renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] } });
    await user.click(screen.getByRole('button', { name: 'Extend by 2 minutes' }));
    expect(session.sentCommands).toEqual([{ type: 'extend-wrap-up', interactionId: interaction.id, seconds: 120 }]);
  });

  it('greys Extend with the reason when the vendor cannot extend it', () => {
    const interaction = wrapUpInteraction({ autoCloseAt: new Date(Date.now() + 60_000).toISOString() });
    renderWithSession(<WrapUpModal interaction={interaction} />, {
      state: { interactions: [interaction], capabilities: { ...exampleCapabilities(), extendWrapUp: false, reasons: { extendWrapUp: 'This platform ends after-call work on its own timer.' } } },
    });
    const extend = screen.getByRole('button', { name: 'Extend by 2 minutes' });
    expect(extend).toHaveAttribute('aria-disabled', 'true');
    expect(extend).toHaveAccessibleDescription('Extend after-call work: This platform ends after-call work on its own timer.');
  });

  it('offers no Extend when there is no deadline', () => {
    const interaction = wrapUpInteraction();
    renderWithSession(<WrapUpModal interaction={interaction} />, { state: { interactions: [interaction] } });
    expect(screen.queryByRole('button', { name: /Extend/ })).toBeNull();
  });
});
