import { screen } from '@testing-library/react';
import {
  EXAMPLE_IDS,
  connectedInteraction,
  offeredInteraction,
  previewingInteraction,
  wrapUpInteraction,
} from '../../testing/fixtures';
import { createFakeSession } from '../../testing/fake-session';
import { renderWithSession } from '../../testing/render-with-session';
import { InteractionPage } from './interaction-page';

describe('InteractionPage', () => {
  it('shows callback actions and the context card while previewing', () => {
    const interaction = previewingInteraction();
    renderWithSession(<InteractionPage interactionId={interaction.id} />, { state: { interactions: [interaction] } });

    expect(screen.getByRole('heading', { level: 1, name: 'Maya Lindqvist' })).toHaveFocus();
    expect(screen.getByRole('group', { name: 'Callback actions' })).toBeVisible();
    expect(screen.getByRole('region', { name: 'Callback details' })).toBeVisible();
    expect(screen.queryByRole('group', { name: 'Call controls' })).toBeNull();
  });

  it('treats a customer-first call as an inbound call: no preview or dial actions', () => {
    const interaction = connectedInteraction({ mode: 'customer-first', attempts: [], firstDialedAt: undefined });
    renderWithSession(<InteractionPage interactionId={interaction.id} />, { state: { interactions: [interaction] } });

    expect(screen.getByText('Inbound call')).toBeVisible();
    expect(screen.queryByRole('group', { name: 'Callback actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Call number' })).toBeNull();
    expect(screen.getByRole('button', { name: 'End call' })).toBeEnabled();
    expect(screen.getByRole('region', { name: 'Caller details' })).toBeVisible();
  });

  it('lets the agent answer a customer-first offer from the page', () => {
    const interaction = offeredInteraction({ mode: 'customer-first', customerOnLine: true });
    renderWithSession(<InteractionPage interactionId={interaction.id} />, { state: { interactions: [interaction] } });
    expect(screen.getByRole('button', { name: 'Accept' })).toBeEnabled();
    expect(screen.queryByRole('group', { name: 'Callback actions' })).toBeNull();
  });

  it('shows a supervisor the wrap-up without the modal', () => {
    const interaction = wrapUpInteraction({ agentId: EXAMPLE_IDS.otherAgentId });
    renderWithSession(<InteractionPage interactionId={interaction.id} />, { state: { interactions: [interaction] } });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('reads an interaction the stream does not carry over REST', async () => {
    const closed = wrapUpInteraction({
      id: 'ix-old',
      state: 'closed',
      outcome: 'completed',
      closedAt: '2026-03-10T14:13:30Z',
      wrapUp: { reason: 'resolved', notes: 'Firmware rolled back' },
      previewDurationMs: 50_000,
    });
    const session = createFakeSession();
    session.rest.getInteraction = async (id) => {
      if (id !== closed.id) throw new Error('unexpected id');
      return closed;
    };
    renderWithSession(<InteractionPage interactionId="ix-old" />, session);

    expect(screen.getByText('Loading the interaction…')).toBeVisible();
    expect(await screen.findByRole('heading', { level: 1, name: 'Maya Lindqvist' })).toBeVisible();
    expect(screen.getByText('Completed')).toBeVisible();
    expect(screen.getByText('Firmware rolled back')).toBeVisible();
    expect(screen.getByText('50 s')).toBeVisible();
  });

  it('says why an interaction cannot be opened', async () => {
    renderWithSession(<InteractionPage interactionId="ix-missing" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not open this interaction: Interaction ix-missing not found');
  });
});
