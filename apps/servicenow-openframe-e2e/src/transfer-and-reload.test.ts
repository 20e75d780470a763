import { getInteraction, requestCallback, scriptNumber, waitFor } from '@icc/e2e-support';
import {
  acceptIntoPreview,
  callActions,
  callRegion,
  endCall,
  expectCleanRun,
  latestActiveCalls,
  logOut,
  openFrameToken,
  recorded,
  replay,
  submitWrapUp,
  waitForCallState,
  waitForIdle,
} from './support/harness';
import { useOpenFrameE2e } from './support/openframe-context';

describe('callback transfer and reload, driven from ServiceNow (host-page harness, no instance)', () => {
  const e2e = useOpenFrameE2e();

  it('transfers the callback to an agent and to a queue, cancels each transfer, and shows a refused transfer as Failed', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Lena', lastName: 'Vogel', phoneNumbers: ['+14155550301'], timeZone: 'Europe/Berlin' },
      reason: { code: 'billing-issue' },
      shortDescription: 'Wants a VAT invoice',
    });
    await acceptIntoPreview(page, 'Lena Vogel');

    await callActions(page, 'Lena Vogel').getByRole('button', { name: 'Transfer callback' }).click();
    const targets = callRegion(page, 'Lena Vogel').getByRole('list', { name: 'Transfer targets' });
    await targets.getByRole('button', { name: 'Transfer to Grace Hopper' }).click();
    await waitForCallState(page, 'Lena Vogel', 'Transferring callback');
    expect((await latestActiveCalls(page))[0]?.currentParticipant.capabilities).toMatchObject({ cancelCallbackTransferEligible: true, initiateCall: false });

    await callActions(page, 'Lena Vogel').getByRole('button', { name: 'Cancel callback transfer' }).click();
    await waitForCallState(page, 'Lena Vogel', 'Previewing');

    // The same to a queue: the Queues tab asks getSearchTarget with searchType "queue".
    await callActions(page, 'Lena Vogel').getByRole('button', { name: 'Transfer callback' }).click();
    await callRegion(page, 'Lena Vogel').getByRole('button', { name: 'Show queues' }).click();
    await targets.getByRole('button', { name: 'Transfer to Sales callbacks (agent-first, auto-dial)' }).click();
    await waitForCallState(page, 'Lena Vogel', 'Transferring callback');
    await callActions(page, 'Lena Vogel').getByRole('button', { name: 'Cancel callback transfer' }).click();
    await waitForCallState(page, 'Lena Vogel', 'Previewing');

    // A documented-shape transfer action the gateway refuses (no such agent).
    await replay(page, 'interaction_control_action', {
      name: 'transfer',
      payload: { externalId: callback.interactionId, targetId: 'agent-nobody', targetType: 'agent' },
    });
    await waitFor(callRegion(page, 'Lena Vogel').getByRole('alert').getByText('Callback transfer failed'));
    expect((await latestActiveCalls(page))[0]?.currentParticipant.capabilities?.['callbackTransferStatus']).toBe('Failed');
    expect((await recorded(page)).toasts).toEqual([expect.stringContaining('ICC refused transfer-callback')]);

    await callActions(page, 'Lena Vogel').getByRole('button', { name: 'Close callback' }).click();
    await waitForIdle(page);
    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed.state).toBe('closed');
    await expectCleanRun(page, pageErrors);
    await logOut(page);
  });

  it('restores the live call from the stream after the ServiceNow page reloads mid-call', async () => {
    const { gateway, openHarnessAsAda } = e2e();
    const { page, pageErrors } = await openHarnessAsAda();
    const PHONE = '+14155550311';
    await scriptNumber(gateway.url, PHONE, { kind: 'answer', afterSeconds: 1 });
    const callback = await requestCallback(gateway.url, {
      queueId: 'callbacks-af',
      customer: { firstName: 'Omar', lastName: 'Haddad', phoneNumbers: [PHONE], timeZone: 'Asia/Dubai' },
      reason: { code: 'product-issue' },
      shortDescription: 'Router keeps rebooting',
    });
    await acceptIntoPreview(page, 'Omar Haddad');
    await callActions(page, 'Omar Haddad').getByRole('button', { name: 'Call number' }).click();
    await waitForCallState(page, 'Omar Haddad', 'Connected');
    await callActions(page, 'Omar Haddad').getByRole('button', { name: 'Mute' }).click();
    await waitFor(callActions(page, 'Omar Haddad').getByRole('button', { name: 'Unmute' }));

    await page.reload();
    // A new TopFrame recorder: nothing is replayed, the app rebuilds the context from the stream.
    await waitForCallState(page, 'Omar Haddad', 'Connected');
    const [restored] = await latestActiveCalls(page);
    expect(restored).toMatchObject({
      externalId: callback.interactionId,
      type: 'callback',
      callbackContext: { callAttemptedByAgent: true },
      currentParticipant: { muted: true, capabilities: { endCall: true } },
    });

    await endCall(page, 'Omar Haddad');
    await submitWrapUp(page, 'Omar Haddad', 'resolved', 'Firmware updated.');
    await waitForIdle(page);
    const closed = await getInteraction(gateway.url, await openFrameToken(page), callback.interactionId);
    expect(closed).toMatchObject({ state: 'closed', outcome: 'completed', wrapUp: { reason: 'resolved' } });
    await expectCleanRun(page, pageErrors);
  });
});
