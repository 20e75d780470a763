import { eventually, getInteraction, requestCallback, scriptNumber, waitFor } from '@icc/e2e-support';
import {
  acceptIntoPreview,
  callActions,
  callRegion,
  endCall,
  expectCleanRun,
  latestActiveCalls,
  logOut,
  offer,
  openFrameToken,
  recorded,
  submitWrapUp,
  waitForCallState,
  waitForIdle,
} from './support/harness';
import { useOpenFrameE2e } from './support/openframe-context';

const RSS = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
// The harness hands the app this OpenFrame configuration: Ada's ServiceNow sys_user id.
const ADA_SYS_USER = 'sn-user-ada-lovelace';

describe('agent-first callback driven from ServiceNow (host-page harness, no instance)', () => {
  const e2e = useOpenFrameE2e();

  it('goes from offer to wrap-up with ServiceNow-side actions only, every context valid', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const OFFICE = '+14155550101';
    await scriptNumber(gateway.url, OFFICE, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Noor', lastName: 'Haddad', phoneNumbers: [OFFICE, '+14155550102'], timeZone: 'Europe/Berlin' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Double charge on the March invoice',
    });

    const card = await waitFor(offer(page, 'Noor Haddad'));
    const offered = (await recorded(page)).contexts.filter((call) => call.type === 'offerContext').at(-1)?.context;
    expect(offered).toMatchObject({
      offerContext: [{ externalId: callback.interactionId, type: 'callback request', requesterId: OFFICE, queueId: 'callbacks-af', assignment: { allowedToDecline: true, offeredOn: expect.stringMatching(RSS) } }],
    });
    await card.getByRole('button', { name: 'Accept' }).click();

    await waitForCallState(page, 'Noor Haddad', 'Previewing');
    const [previewing] = await latestActiveCalls(page);
    expect(previewing).toMatchObject({
      externalId: callback.interactionId,
      type: 'callback',
      callbackContext: { callAttemptedByAgent: false, customerName: 'Noor Haddad', callbackNumbers: [OFFICE, '+14155550102'] },
      currentParticipant: { id: ADA_SYS_USER, capabilities: { initiateCall: true, closeCallback: true, transfer: true, hold: false } },
    });

    await callActions(page, 'Noor Haddad').getByRole('button', { name: 'Call number' }).click();
    await waitForCallState(page, 'Noor Haddad', 'Connected');
    await callActions(page, 'Noor Haddad').getByRole('button', { name: 'Hold' }).click();
    await waitForCallState(page, 'Noor Haddad', 'On hold');
    expect((await latestActiveCalls(page))[0]?.currentParticipant.held).toBe(true);
    await callActions(page, 'Noor Haddad').getByRole('button', { name: 'Resume' }).click();
    await waitForCallState(page, 'Noor Haddad', 'Connected');
    await callActions(page, 'Noor Haddad').getByRole('button', { name: 'Mute' }).click();
    await waitFor(callActions(page, 'Noor Haddad').getByRole('button', { name: 'Unmute' }));
    await endCall(page, 'Noor Haddad');
    expect((await latestActiveCalls(page))[0]?.participants[0]).toMatchObject({ actor: 'customer', address: OFFICE, requireWrapup: true });
    await submitWrapUp(page, 'Noor Haddad', 'resolved', 'Refunded the duplicate charge.');
    await waitForIdle(page);

    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed', wrapUp: { reason: 'resolved', notes: 'Refunded the duplicate charge.' } });
    expect(closed.attempts.map((attempt) => [attempt.phoneNumber, attempt.outcome])).toEqual([[OFFICE, 'answered']]);
    const { violations, contexts } = await recorded(page);
    expect(violations).toEqual([]);
    expect(new Set(contexts.map((call) => call.type))).toEqual(new Set(['offerContext', 'activeCall', 'idleState']));
    expect(pageErrors).toEqual([]);
    await logOut(page);
  });

  it('after no answer, retries on the second number picked in the Callback number drop-down', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const HOME = '+14155550111';
    const MOBILE = '+14155550112';
    await scriptNumber(gateway.url, HOME, { kind: 'no-answer', afterSeconds: 1 });
    await scriptNumber(gateway.url, MOBILE, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Ines', lastName: 'Moreau', phoneNumbers: [HOME, MOBILE], timeZone: 'Europe/Paris' },
      reason: { code: 'order-issue' },
      shortDescription: 'Wrong size delivered',
    });
    await acceptIntoPreview(page, 'Ines Moreau');
    await callActions(page, 'Ines Moreau').getByRole('button', { name: 'Call number' }).click();

    await waitForCallState(page, 'Ines Moreau', 'No answer');
    const [unanswered] = await latestActiveCalls(page);
    expect(unanswered?.callbackContext?.callAttemptedByAgent).toBe(true);
    expect(unanswered?.callbackContext).not.toHaveProperty('dialInEndTime');
    expect(unanswered?.currentParticipant.capabilities).toMatchObject({ initiateCall: true, closeCallback: true });
    await callRegion(page, 'Ines Moreau').getByLabel('Callback number').selectOption(MOBILE);
    await callActions(page, 'Ines Moreau').getByRole('button', { name: 'Retry call' }).click();

    await waitForCallState(page, 'Ines Moreau', 'Connected');
    expect((await latestActiveCalls(page))[0]?.participants[0]?.address).toBe(MOBILE);
    await endCall(page, 'Ines Moreau');
    await submitWrapUp(page, 'Ines Moreau', 'Callback not needed', 'Customer exchanged it in store.');
    await waitForIdle(page);

    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed.attempts.map((attempt) => [attempt.phoneNumber, attempt.outcome])).toEqual([
      [HOME, 'no-answer'],
      [MOBILE, 'answered'],
    ]);
    // A ServiceNow code that is no ICC reason is kept in the notes.
    expect(closed.wrapUp).toEqual({ reason: 'other', notes: 'Callback not needed: Customer exchanged it in store.' });
    await expectCleanRun(page, pageErrors);
    await logOut(page);
  });

  it('shows the auto-dial countdown as dialInEndTime, and Close callback closes it before dialing', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-auto',
      customer: { firstName: 'Tomas', lastName: 'Berg', phoneNumbers: ['+14155550121'], timeZone: 'Europe/Stockholm' },
      reason: { code: 'sales-discovery' },
      shortDescription: 'Asked about the annual plan',
    });
    await acceptIntoPreview(page, 'Tomas Berg');
    const [previewing] = await latestActiveCalls(page);
    const dialInEndTime = previewing?.callbackContext?.dialInEndTime ?? '';
    expect(dialInEndTime).toMatch(RSS);
    const interaction = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(Date.parse(dialInEndTime)).toBe(Math.floor(Date.parse(interaction.autoDialAt ?? '') / 1000) * 1000);

    await callActions(page, 'Tomas Berg').getByRole('button', { name: 'Close callback' }).click();
    await eventually('the callback to leave the active calls', async () => ((await latestActiveCalls(page)).length === 0 ? true : undefined));
    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed.attempts).toEqual([]);
    // The outcome of a callback closed before dialing is core's rule, not the bridge's.
    expect(closed.state).toBe('closed');
    await waitForIdle(page);
    await expectCleanRun(page, pageErrors);
  });
});
