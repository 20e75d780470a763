import { screen, within } from '@testing-library/react';
import { EXAMPLE_IDS, EXAMPLE_PHONE_NUMBERS, exampleAgent, type IccEvent } from '@icc/protocol';
import { noAnswerInteraction } from '../../testing/fixtures';
import { renderWithSession } from '../../testing/render-with-session';
import { CallbackTimeline } from './callback-timeline';

const ids = { interactionId: EXAMPLE_IDS.interactionId, callbackId: EXAMPLE_IDS.callbackId };
const ada = exampleAgent().id;

const events: IccEvent[] = [
  { type: 'interaction.offered', seq: 2, at: '2026-03-10T09:00:05Z', ...ids, agentId: ada, expiresAt: '2026-03-10T09:00:35Z' },
  { type: 'interaction.accepted', seq: 3, at: '2026-03-10T09:00:09Z', ...ids, agentId: ada },
  { type: 'interaction.dialing', seq: 4, at: '2026-03-10T09:00:20Z', ...ids, attempt: 1, phoneNumber: EXAMPLE_PHONE_NUMBERS.us, agentId: ada, trigger: 'agent' },
  { type: 'interaction.dial-failed', seq: 5, at: '2026-03-10T09:00:50Z', ...ids, failure: 'no-answer' },
  { type: 'interaction.retry-scheduled', seq: 6, at: '2026-03-10T09:00:51Z', ...ids, nextRetryAt: '2026-03-10T09:05:51Z' },
];

describe('CallbackTimeline', () => {
  it('lists every event, oldest first, with who and when', async () => {
    renderWithSession(<CallbackTimeline interaction={noAnswerInteraction()} />, { events });
    const list = await screen.findByRole('list', { name: 'Callback events, oldest first' });
    const rows = within(list).getAllByRole('listitem').map((item) => item.textContent);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toContain('Offered');
    expect(rows[0]).toContain('Ada Lovelace');
    expect(rows[2]).toContain(`Attempt 1: dialing ${EXAMPLE_PHONE_NUMBERS.us}`);
    expect(rows[3]).toContain('Attempt failed: no answer');
    expect(rows[4]).toContain('Next automatic retry at');
    expect(within(list).getAllByRole('listitem')[0]?.querySelector('time')).toHaveAttribute('dateTime', '2026-03-10T09:00:05Z');
  });
});
