import { agentToken } from './support/gateway-api';
import { seriousAxeViolations } from './support/axe-scan';
import { useE2eContext } from './support/e2e-context';
import { eventually, waitFor } from './support/wait-for';
import { signIn } from './support/workspace-ui';

interface SlotList {
  items: Array<{ start: string; booked: number; remaining: number }>;
}

describe('scheduled callbacks into free slots (issue 21 item 1)', () => {
  const e2e = useE2eContext('schedule-into-free-slot');

  it("offers the queue's free slots in New callback; the one picked is booked and counted", async () => {
    const { gateway, page, pageErrors } = e2e();
    await signIn(page, gateway.url, 'Ada Lovelace');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My callbacks' }).click();
    await waitFor(page.getByRole('heading', { level: 1, name: 'My callbacks' }));
    await page.getByRole('button', { name: 'New callback' }).click();

    const dialog = await waitFor(page.getByRole('dialog', { name: 'New callback' }));
    await dialog.getByLabel('Queue').selectOption({ label: 'Billing callbacks (agent-first, manual dial)' });
    await dialog.getByLabel('First name').fill('Slot');
    await dialog.getByLabel('Last name').fill('Booker');
    await dialog.getByLabel(/Phone numbers/).fill('+14155553201');
    await dialog.getByLabel('Summary').fill('Call me at the time I picked');
    await dialog.getByRole('checkbox', { name: 'Keep it for me (I make this call)' }).uncheck();

    const picker = dialog.getByLabel('Free slot');
    await eventually('free slots listed', async () => ((await picker.locator('option').count()) > 2 ? true : undefined));
    // The second free slot (the first may start too soon to still be in the future once submitted).
    const chosen = (await picker.locator('option').nth(2).getAttribute('value')) ?? '';
    expect(chosen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    await picker.selectOption(chosen);
    expect(await dialog.getByLabel(/Call back at/).inputValue()).not.toBe('');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Create callback' }).click();
    await waitFor(page.getByText(/Callback CB\d+ created for Slot Booker\./));

    // The gateway booked the picked start and counts it in that slot.
    const token = await agentToken(page);
    const slots = (await (
      await fetch(`${gateway.url}/v1/queues/callbacks-af/slots?from=${encodeURIComponent(chosen)}&to=${encodeURIComponent(new Date(Date.parse(chosen) + 300_000).toISOString())}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as SlotList;
    expect(slots.items).toEqual([expect.objectContaining({ start: chosen, booked: 1, remaining: 99 })]);
    expect(pageErrors).toEqual([]);
  });
});
