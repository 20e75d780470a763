import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { exampleContextCard } from '@icc/protocol';
import { gatewayError } from '../../testing/fake-session';
import { EXAMPLE_IDS, offeredInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { OfferCard } from './offer-card';

describe('OfferCard', () => {
  beforeEach(() => {
    window.location.hash = '#/inbox';
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows customer, queue, type, reason and the offer countdown', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-10T14:06:05Z') });
    const offer = offeredInteraction();
    renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });

    const card = screen.getByRole('article', { name: 'Maya Lindqvist' });
    expect(within(card).getByText('Support')).toBeVisible();
    expect(within(card).getByText('ASAP')).toBeVisible();
    expect(within(card).getByText('Product Issue')).toBeVisible();
    expect(within(card).getByRole('timer')).toHaveTextContent('Offer expires in 0:25');
  });

  it('labels a scheduled callback as Scheduled', () => {
    const offer = offeredInteraction({
      card: exampleContextCard({ type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z' }),
    });
    renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });
    expect(screen.getByText(/^Scheduled · /)).toBeVisible();
  });

  it('accepts and opens the interaction page', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });

    await user.click(screen.getByRole('button', { name: 'Accept' }));

    expect(session.sentCommands).toEqual([{ type: 'accept', interactionId: offer.id }]);
    expect(window.location.hash).toBe(`#/interactions/${offer.id}`);
  });

  it('rejects, and stays on the inbox', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });

    await user.click(screen.getByRole('button', { name: 'Reject' }));

    expect(session.sentCommands).toEqual([{ type: 'reject', interactionId: offer.id }]);
    expect(window.location.hash).toBe('#/inbox');
  });

  it('shows why an accept failed and stays on the inbox', async () => {
    const user = userEvent.setup();
    const offer = offeredInteraction();
    const { session } = renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });
    session.respondWith(async () => {
      throw gatewayError('invalid_transition', 'The offer timed out and went to the next agent');
    });

    await user.click(screen.getByRole('button', { name: 'Accept' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Accept failed: The offer timed out and went to the next agent');
    expect(window.location.hash).toBe('#/inbox');
  });

  it('presents a customer-first offer as an inbound call with the customer on the line', () => {
    const offer = offeredInteraction({ mode: 'customer-first', customerOnLine: true });
    renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });
    expect(screen.getByText('Inbound call · customer on the line')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Accept' })).toBeEnabled();
  });

  it('cannot be accepted by an agent it is not offered to', () => {
    const offer = offeredInteraction({ agentId: EXAMPLE_IDS.otherAgentId });
    renderWithSession(<OfferCard interaction={offer} />, { state: { interactions: [offer] } });
    expect(screen.getByRole('button', { name: 'Accept' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Reject' })).toBeDisabled();
  });
});
