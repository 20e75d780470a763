import type { Page } from 'playwright-core';
import type { Agent } from '@icc/protocol';
import { agentToken, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { waitFor, waitForText } from './support/wait-for';
import {
  fillWrapUp,
  globalVoiceControl,
  goAvailable,
  mainArea,
  offerCard,
  signIn,
  signInAsSupervisor,
  submitWrapUp,
  waitForInteractionState,
} from './support/workspace-ui';

const CUSTOMER = 'Priya Nair';

function agentHeaderPresence(page: Page) {
  return page.getByRole('banner').getByRole('status', { name: 'Presence state' });
}

function supervisorPresenceCell(page: Page, agentName: string) {
  const agents = page.getByRole('table', { name: /^Agents/ });
  return agents.getByRole('row').filter({ has: page.getByRole('rowheader', { name: agentName }) }).getByRole('cell').first();
}

/** The gateway's own word: `GET /v1/agents` as the supervisor reads it. */
async function serverPresence(baseUrl: string, token: string, agentId: string): Promise<Agent | undefined> {
  const response = await fetch(`${baseUrl}/v1/agents`, { headers: { authorization: `Bearer ${token}` } });
  const { items } = (await response.json()) as { items: Agent[] };
  return items.find((agent) => agent.id === agentId);
}

async function waitForServerPresence(baseUrl: string, token: string, presence: Agent['presence']): Promise<Agent> {
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 100))) {
    const agent = await serverPresence(baseUrl, token, 'agent-ada');
    if (agent?.presence === presence) return agent;
  }
  throw new Error(`The gateway never showed Ada ${presence}`);
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

    // The gateway decides Busy (the browser no longer derives it): the API, the header and the table agree.
    const supervisorToken = await agentToken(supervisor);
    const busy = await waitForServerPresence(gateway.url, supervisorToken, 'busy');
    expect(busy.chosenPresence).toBe('available');
    expect(busy.presenceSince).toBeDefined();
    await waitForText(agentHeaderPresence(page), 'Busy');
    await waitFor(page.getByRole('banner').getByRole('timer', { name: 'Time Busy' }));
    await waitFor(supervisorPresenceCell(supervisor, 'Ada Lovelace').getByText('Busy', { exact: true }));

    await globalVoiceControl(page).getByRole('button', { name: 'End call' }).click();
    await waitForInteractionState(page, 'Wrap-up');
    const wrapUp = await waitForServerPresence(gateway.url, supervisorToken, 'wrap-up');
    expect(Date.parse(wrapUp.presenceSince ?? '')).toBeGreaterThanOrEqual(Date.parse(busy.presenceSince ?? ''));
    await waitForText(agentHeaderPresence(page), 'After-call work');
    await waitFor(supervisorPresenceCell(supervisor, 'Ada Lovelace').getByText('After-call work', { exact: true }));
    await issueShot(supervisor, 'item-3-supervisor-acw');

    // Submitting the wrap-up ends the work: the chosen presence (Available) comes back, on the server first.
    await submitWrapUp(page, await fillWrapUp(page, CUSTOMER, 'Resolved', 'Fixed on the call.'));
    await waitForServerPresence(gateway.url, supervisorToken, 'available');
    await waitForText(agentHeaderPresence(page), 'Available');
    await waitFor(supervisorPresenceCell(supervisor, 'Ada Lovelace').getByText('Available', { exact: true }));
    expect(pageErrors).toEqual([]);
  });
});
