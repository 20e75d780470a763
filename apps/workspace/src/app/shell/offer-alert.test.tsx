import { act, screen } from '@testing-library/react';
import { offeredInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { playAlertTone } from '../inbox/play-alert-tone';
import { OfferAlert } from './offer-alert';

jest.mock('../inbox/play-alert-tone', () => ({ playAlertTone: jest.fn() }));

describe('OfferAlert', () => {
  it('announces a new offer, chimes once per new offer and counts offers in the title', () => {
    const { session } = renderWithSession(<OfferAlert onInbox={false} />);
    expect(playAlertTone).not.toHaveBeenCalled();

    const first = offeredInteraction();
    act(() => session.update({ interactions: [first] }));
    const region = screen.getByText(/New callback offer/).closest('[aria-live]');
    expect(region).toHaveAttribute('aria-live', 'assertive');
    expect(region).toHaveTextContent('New callback offer: Maya Lindqvist · Support · ASAP');
    expect(screen.getByRole('link', { name: 'Go to Inbox' })).toHaveAttribute('href', '#/inbox');
    expect(playAlertTone).toHaveBeenCalledTimes(1);
    expect(document.title).toMatch(/^\(1\) Offer waiting/);

    act(() => session.update({ interactions: [{ ...first, seq: 2 }] }));
    expect(playAlertTone).toHaveBeenCalledTimes(1);

    act(() => session.update({ interactions: [first, offeredInteraction({ id: 'ix-0003' })] }));
    expect(playAlertTone).toHaveBeenCalledTimes(2);
    expect(screen.getByText(/2 offers waiting/)).toBeVisible();

    act(() => session.update({ interactions: [] }));
    expect(screen.queryByText(/offer/)).toBeNull();
    expect(document.title).not.toMatch(/Offer waiting/);
  });
});

describe('OfferAlert on the Inbox', () => {
  it('does not offer to go where the agent already is', () => {
    renderWithSession(<OfferAlert onInbox />, { state: { interactions: [offeredInteraction()] } });
    expect(screen.getByText('New callback offer:', { exact: false })).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Go to Inbox' })).toBeNull();
  });
});
