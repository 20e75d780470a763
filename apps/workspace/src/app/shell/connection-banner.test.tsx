import { act, screen } from '@testing-library/react';
import { renderWithSession } from '../../testing/render-with-session';
import { ConnectionBanner } from './connection-banner';

describe('ConnectionBanner', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('stays empty while online', () => {
    renderWithSession(<ConnectionBanner />);
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says Reconnecting…, then Back online for a few seconds', () => {
    jest.useFakeTimers();
    const { session } = renderWithSession(<ConnectionBanner />);

    act(() => session.setConnectionStatus('reconnecting'));
    expect(screen.getByRole('status')).toHaveTextContent('Reconnecting…');

    act(() => session.setConnectionStatus('online'));
    expect(screen.getByRole('status')).toHaveTextContent('Back online');

    act(() => {
      jest.advanceTimersByTime(4_000);
    });
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('asks to sign in again once the stream is closed', () => {
    renderWithSession(<ConnectionBanner />, { connection: 'closed' });
    expect(screen.getByRole('status')).toHaveTextContent('Sign in again');
  });
});
