import { requestCallback } from './support/gateway-api';
import { seriousAxeViolations } from './support/axe-scan';
import { useE2eContext } from './support/e2e-context';
import { waitFor } from './support/wait-for';
import { goAvailable, mainArea, offerCard, signIn, signInAsSupervisor, waitForInteractionState } from './support/workspace-ui';

describe('accessibility: axe-core on every page', () => {
  const e2e = useE2eContext('accessibility');

  it('finds no serious or critical violation on sign-in, Inbox, interaction, My callbacks and Supervisor', async () => {
    const { gateway, page, openPage } = e2e();
    const found: Record<string, string[]> = {};

    await page.goto(gateway.url);
    await waitFor(page.getByRole('button', { name: 'Sign in as Ada Lovelace' }));
    found['sign-in'] = await seriousAxeViolations(page);

    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Mira', lastName: 'Kovac', phoneNumbers: ['+14155551201', '+14155551202'], timeZone: 'Europe/Zagreb' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Invoice address',
    });
    await waitFor(offerCard(page, 'Mira Kovac'));
    found['inbox with an offer'] = await seriousAxeViolations(page);

    await offerCard(page, 'Mira Kovac').getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');
    found['interaction (previewing)'] = await seriousAxeViolations(page);

    await mainArea(page).getByRole('button', { name: 'Close callback' }).click();
    await waitFor(page.getByRole('dialog'));
    found['close callback dialog'] = await seriousAxeViolations(page);
    await page.keyboard.press('Escape');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    found['my callbacks'] = await seriousAxeViolations(page);

    const supervisor = await openPage();
    await signInAsSupervisor(supervisor, gateway.url);
    found['supervisor'] = await seriousAxeViolations(supervisor);

    expect(found).toEqual({
      'sign-in': [],
      'inbox with an offer': [],
      'interaction (previewing)': [],
      'close callback dialog': [],
      'my callbacks': [],
      supervisor: [],
    });
  });
});
