import type { Page } from 'playwright-core';
import { requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForText } from './support/wait-for';
import {
  globalVoiceControl,
  goAvailable,
  mainArea,
  offerCard,
  signIn,
  signInAsSupervisor,
  waitForInteractionState,
} from './support/workspace-ui';

const CUSTOMER = 'Priya Nair';

function agentHeaderPresence(page: Page) {
  return page.getByRole('banner').getByRole('status', { name: 'Presence state' });
}

function supervisorPresenceCell(page: Page, agentName: string) {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: agentName }) }).getByRole('cell').first();
}

describe('presence follows the work (issue 16 item 3)', () => {
  const e2e = useE2eContext('presence-follows-work');

  it('shows Busy during the call and After-call work during wrap-up, in the header and the supervisor table', async () => {
    const { gateway, page, openPage, pageErrors } = e2e();
    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await scriptNumber(gateway.url, '+14155550801', { kind: 'answer', afterSeconds: 1 });
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Priya', lastName: 'Nair', phoneNumbers: ['+14155550801'], timeZone: 'Asia/Kolkata' },
      reason: { code: 'product-issue' },
      shortDescription: 'App crashes on login',
    });
    await offerCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await mainArea(page).getByRole('group', { name: 'Callback actions' }).getByRole('button', { name: 'Call number' }).click();
    await waitForInteractionState(page, 'Connected');
    await supervisor.waitForTimeout(500);
    await issueShot(page, 'item-3-agent-busy');
    await issueShot(supervisor, 'item-3-supervisor-busy');

    await waitForText(agentHeaderPresence(page), 'Busy');
    await waitFor(supervisorPresenceCell(supervisor, 'Ada Lovelace').getByText('Busy', { exact: true }));

    await globalVoiceControl(page).getByRole('button', { name: 'End call' }).click();
    await waitForInteractionState(page, 'Wrap-up');
    await waitForText(agentHeaderPresence(page), 'After-call work');
    await waitFor(supervisorPresenceCell(supervisor, 'Ada Lovelace').getByText('After-call work', { exact: true }));
    await issueShot(supervisor, 'item-3-supervisor-acw');
    expect(pageErrors).toEqual([]);
  });
});
