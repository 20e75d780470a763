import { act, screen } from '@testing-library/react';
import { exampleContextCard } from '@icc/protocol';
import { connectedInteraction, dialingInteraction, previewingInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { CallbackContextCard } from './callback-context-card';

function fact(term: string): string | null | undefined {
  const dt = screen.getAllByRole('term').find((element) => element.textContent === term);
  return dt?.nextElementSibling?.textContent;
}

describe('CallbackContextCard', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows who to call, why, and how they got here', () => {
    renderWithSession(<CallbackContextCard interaction={dialingInteraction()} />);

    expect(screen.getByRole('region', { name: 'Callback details' })).toBeVisible();
    expect(fact('Customer')).toBe('Maya Lindqvist');
    expect(fact('Callback')).toBe('CB0000123');
    expect(fact('Phone numbers')).toBe('+14155552671+14155550198');
    expect(fact('Queue')).toBe('Support');
    expect(fact('Type')).toBe('ASAP');
    expect(fact('Reason')).toBe('Product Issue');
    expect(fact('Summary')).toBe('Router keeps dropping the connection');
    expect(fact('Description')).toMatch(/restarts every few minutes/);
    expect(fact('Case')).toBe('CS0042017');
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual(
      expect.arrayContaining(['main-menu', 'support', 'callback']),
    );
    expect(fact('Attempts')).toBe('Attempt 1 of 3');
    expect(fact('productModel')).toBe('AX-3000');
  });

  it('shows a scheduled callback with its time on the customer clock', () => {
    const interaction = previewingInteraction({
      card: exampleContextCard({ type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z', notes: 'Prefers afternoons' }),
    });
    renderWithSession(<CallbackContextCard interaction={interaction} />);
    expect(fact('Type')).toBe('Scheduled');
    expect(fact('Scheduled for')).toMatch(/your time · .* customer \(America\/Los_Angeles\)$/);
    expect(fact('Notes')).toBe('Prefers afternoons');
  });

  it('says no attempt was made yet instead of "Attempt 0", and counts a scheduled wait from its start', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-11T16:03:00Z') });
    const interaction = previewingInteraction({
      scheduledAt: '2026-03-11T16:00:00Z',
      card: exampleContextCard({ type: 'scheduled', scheduledAt: '2026-03-11T16:00:00Z', attempt: 0 }),
    });
    renderWithSession(<CallbackContextCard interaction={interaction} />);
    expect(fact('Attempts')).toBe('None yet (up to 3)');
    expect(screen.getByRole('timer', { name: 'Wait so far' })).toHaveTextContent('3:00');
    jest.useRealTimers();
  });

  it('counts the wait so far live, then freezes it once connected', () => {
    jest.useFakeTimers({ now: Date.parse('2026-03-10T14:07:00Z') });
    const { rerender } = renderWithSession(<CallbackContextCard interaction={previewingInteraction()} />);

    const wait = screen.getByRole('timer', { name: 'Wait so far' });
    expect(wait).toHaveTextContent('2:00');
    act(() => {
      jest.advanceTimersByTime(5_000);
    });
    expect(wait).toHaveTextContent('2:05');

    rerender(<CallbackContextCard interaction={connectedInteraction()} />);
    expect(screen.queryByRole('timer', { name: 'Wait so far' })).toBeNull();
    expect(fact('Wait so far')).toBe('2:15 (ended)');
  });
});
