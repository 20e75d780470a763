import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { waitFor } from './support/wait-for';
import {
  fillWrapUp,
  goAvailable,
  interactionStateBadge,
  mainArea,
  offerCard,
  signIn,
  submitWrapUp,
  waitForInteractionState,
} from './support/workspace-ui';

const CUSTOMER = 'Noor Haddad';
const OFFICE_NUMBER = '+14155550101';
const MOBILE_NUMBER = '+14155550102';
const QUEUE_NAME = 'Billing callbacks (agent-first, manual dial)';
const DESCRIPTION = 'The March invoice was charged twice to the same card.';

describe('agent-first callback in the browser', () => {
  const e2e = useE2eContext('agent-first');

  it('offers, previews, dials with a retry, holds, ends and wraps up the callback', async () => {
    const { gateway, page, shot, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await shot('available');

    await scriptNumber(gateway.url, MOBILE_NUMBER, {
      kind: 'sequence',
      steps: [
        { kind: 'no-answer', afterSeconds: 1 },
        { kind: 'answer', afterSeconds: 1 },
      ],
    });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Noor', lastName: 'Haddad', phoneNumbers: [OFFICE_NUMBER, MOBILE_NUMBER], timeZone: 'Europe/Berlin' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Double charge on the March invoice',
      description: DESCRIPTION,
    });

    const offer = await waitFor(offerCard(page, CUSTOMER));
    await waitFor(offer.getByText(QUEUE_NAME, { exact: true }));
    await waitFor(offer.getByText('ASAP', { exact: true }));
    await waitFor(offer.getByText('Billing Issue', { exact: true }));
    await shot('offer-in-inbox');

    await offer.getByRole('button', { name: 'Accept' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: CUSTOMER }));
    await waitForInteractionState(page, 'Previewing');
    expect(page.url()).toContain(`#/interactions/${callback.interactionId}`);
    const contextCard = mainArea(page).getByRole('region', { name: 'Callback details' });
    await waitFor(contextCard.getByText(CUSTOMER, { exact: true }));
    await waitFor(contextCard.getByText('Billing Issue', { exact: true }));
    await waitFor(contextCard.getByText(DESCRIPTION, { exact: true }));
    await shot('previewing-context-card');

    const actions = mainArea(page).getByRole('group', { name: 'Callback actions' });
    const numberPicker = actions.getByLabel('Callback number');
    expect(await numberPicker.locator('option').allTextContents()).toEqual([OFFICE_NUMBER, MOBILE_NUMBER]);
    await numberPicker.selectOption(MOBILE_NUMBER);
    await actions.getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'No answer');
    await shot('no-answer');

    await actions.getByRole('button', { name: 'Retry call' }).click();
    await waitForInteractionState(page, 'Connected');
    const attempts = mainArea(page).getByRole('region', { name: 'Attempts' }).getByRole('row');
    expect(await attempts.allInnerTexts()).toEqual([
      expect.stringContaining('Number'),
      expect.stringMatching(new RegExp(`^1\\s+\\${MOBILE_NUMBER}\\s+.*No answer$`)),
      expect.stringMatching(new RegExp(`^2\\s+\\${MOBILE_NUMBER}\\s+.*Answered$`)),
    ]);
    await shot('connected');

    const callControls = mainArea(page).getByRole('group', { name: 'Call controls' });
    await callControls.getByRole('button', { name: 'Hold' }).click();
    await waitForInteractionState(page, 'On hold');
    await shot('on-hold');
    await callControls.getByRole('button', { name: 'Resume' }).click();
    await waitForInteractionState(page, 'Connected');
    await callControls.getByRole('button', { name: 'End call' }).click();

    const wrapUp = await fillWrapUp(page, CUSTOMER, 'Resolved', 'Refunded the duplicate charge.');
    await shot('wrap-up');
    await submitWrapUp(page, wrapUp);
    const outcome = mainArea(page).getByRole('region', { name: 'Outcome' });
    await waitFor(outcome.getByText('Completed', { exact: true }));
    await waitFor(outcome.getByText('Refunded the duplicate charge.', { exact: true }));
    await shot('closed');

    const closed = await getInteraction(gateway.url, await agentToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed', wrapUp: { reason: 'resolved' } });
    expect(closed.attempts).toHaveLength(2);
    expect(closed.attempts.map((attempt) => [attempt.phoneNumber, attempt.outcome])).toEqual([
      [MOBILE_NUMBER, 'no-answer'],
      [MOBILE_NUMBER, 'answered'],
    ]);
    expect(await interactionStateBadge(page).textContent()).toBe('Closed');
    expect(pageErrors).toEqual([]);
  });
});
