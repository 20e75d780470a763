import { agentToken, getInteraction, requestCallback, scriptNumber } from './support/gateway-api';
import { useE2eContext } from './support/e2e-context';
import { issueShot } from './support/issue-shots';
import { eventually, waitFor } from './support/wait-for';
import { globalVoiceControl, goAvailable, mainArea, offerCard, signIn, waitForInteractionState } from './support/workspace-ui';

const CUSTOMER = 'Ines Moreau';
const NUMBERS = ['+14155550401', '+14155550402', '+14155550403', '+14155550404'];
const PICKED = '+14155550404';

describe('one Callback number per interaction (issue 16 item 1)', () => {
  const e2e = useE2eContext('gvc-dials-page-number');

  it('the Global Voice Control dials the number picked on the page and shows it', async () => {
    const { gateway, page, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await goAvailable(page);
    for (const number of NUMBERS) await scriptNumber(gateway.url, number, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Ines', lastName: 'Moreau', phoneNumbers: NUMBERS, timeZone: 'Europe/Paris' },
      reason: { code: 'order-issue' },
      shortDescription: 'Parcel never arrived',
    });
    await offerCard(page, CUSTOMER).getByRole('button', { name: 'Accept' }).click();
    await waitForInteractionState(page, 'Previewing');

    await mainArea(page).getByRole('group', { name: 'Callback actions' }).getByLabel('Callback number').selectOption(PICKED);
    const gvc = globalVoiceControl(page);
    await issueShot(page, 'item-1-gvc-number');
    // The bar names the number it will dial, not the callback's first number.
    await waitFor(gvc.getByText(`Will call ${PICKED}`, { exact: true }));
    await gvc.getByRole('button', { name: 'Call number' }).click();

    const token = await agentToken(page);
    const dialed = await eventually('the first attempt', async () => {
      const interaction = await getInteraction(gateway.url, token, callback.interactionId);
      return interaction.attempts[0]?.phoneNumber;
    });
    expect(dialed).toBe(PICKED);
    await waitForInteractionState(page, 'Connected');
    await waitFor(gvc.getByText(`Connected to ${PICKED}`, { exact: true }));
    expect(pageErrors).toEqual([]);
  });
});
