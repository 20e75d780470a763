import { requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor } from './support/wait-for';
import { fillWrapUp, goAvailable, mainArea, offerCard, signIn, signInAsSupervisor, submitWrapUp, waitForInteractionState } from './support/workspace-ui';

describe('supervisor answer rate has one definition (issue 16 item 7)', () => {
  const e2e = useE2eContext('supervisor-answer-rate');

  it('states the definition and shows the counts the percentage is made of', async () => {
    const { gateway, page, openPage } = e2e();
    // Queue figures are pushed as they change: the supervisor watches from the start.
    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await scriptNumber(gateway.url, '+14155550901', {
      kind: 'sequence',
      steps: [
        { kind: 'no-answer', afterSeconds: 1 },
        { kind: 'answer', afterSeconds: 1 },
      ],
    });
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Tomás', lastName: 'Silva', phoneNumbers: ['+14155550901'], timeZone: 'Europe/Lisbon' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Refund status',
    });
    await offerCard(page, 'Tomás Silva').getByRole('button', { name: 'Accept' }).click();
    const actions = mainArea(page).getByRole('group', { name: 'Callback actions' });
    await actions.getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'No answer');
    await actions.getByRole('button', { name: 'Retry call' }).click();
    await waitForInteractionState(page, 'Connected');
    await mainArea(page).getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'End call' }).click();
    await submitWrapUp(page, await fillWrapUp(page, 'Tomás Silva', 'Resolved', 'Refund on its way.'));

    await supervisor.waitForTimeout(500);
    await issueShot(supervisor, 'item-7-answer-rate');
    await waitFor(supervisor.getByText('Answer rate = calls answered ÷ calls placed', { exact: false }));
    const row = supervisor.getByRole('row').filter({ has: supervisor.getByRole('rowheader', { name: /agent-first, manual dial/ }) });
    await waitFor(row.getByText('50%', { exact: true }));
    await waitFor(row.getByText('1 of 2 calls', { exact: true }));
  });
});
