import type { Page } from "playwright-core";
import { seriousAxeViolations } from "./support/axe-scan";
import { useE2eContext } from "./support/e2e-context";
import { eventually, waitFor } from "./support/wait-for";

const SLOT_MS = 300_000;

/** Hours and minutes of an instant on a zone's clock, as the page writes them (`11:10`). */
function wallClock(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone,
  }).format(new Date(instant));
}

/** What an SMS link opens: the customer's own callback, by the token from creation, without signing in. */
describe("customer status page", () => {
  const e2e = useE2eContext("customer-status-page");

  async function createCallback(
    url: string,
    phoneNumber: string,
    scheduledAt?: string,
  ): Promise<{ id: string; token: string }> {
    const response = await fetch(`${url}/v1/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        queueId: "callbacks-af",
        customer: {
          firstName: "Mira",
          lastName: "Kovac",
          phoneNumbers: [phoneNumber],
          timeZone: "Europe/Zagreb",
        },
        reason: { code: "billing-issue" },
        shortDescription: "Invoice address",
        ...(scheduledAt === undefined
          ? {}
          : { schedule: { type: "scheduled", start: scheduledAt } }),
      }),
    });
    expect(response.status).toBe(201);
    return {
      id: ((await response.json()) as { id: string }).id,
      token: response.headers.get("icc-status-token") ?? "",
    };
  }

  it("shows place and wait, passes axe, and cancels after confirmation", async () => {
    const { gateway, page } = e2e();
    await createCallback(gateway.url, "+14155551301");
    const mine = await createCallback(gateway.url, "+14155551302");

    await page.goto(`${gateway.url}/status/${mine.id}?token=${mine.token}`);
    const facts = page.getByRole("definition");
    await waitFor(
      page.getByRole("heading", { level: 1, name: "Your callback" }),
    );
    await waitFor(page.getByText("Waiting for the next available agent"));
    expect(await facts.allTextContents()).toEqual([
      expect.stringMatching(/^CB\d+$/),
      "Waiting for the next available agent",
      "2",
      expect.stringMatching(/^About \d+ minutes?$|^Not known yet$/),
    ]);
    expect(
      await page
        .getByRole("button", { name: "Sign in as Ada Lovelace" })
        .count(),
    ).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Cancel callback" }).click();
    await waitFor(
      page.getByText("Cancel this callback? We will not call you."),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await waitFor(page.getByText("Cancelled", { exact: true }));
    // The buttons are gone: the focus is on what happened.
    expect(await focusedText(page)).toBe(
      "Your callback is cancelled. We will not call you.",
    );
    expect(
      await page.getByRole("button", { name: "Cancel callback" }).count(),
    ).toBe(0);

    await page.goto(`${gateway.url}/status/${mine.id}?token=${"x".repeat(43)}`);
    await waitFor(page.getByRole("alert"));
    expect(await page.getByRole("alert").textContent()).toBe(
      "This link does not match a callback.",
    );
  });

  it("moves to a free slot after confirmation; a slot taken meanwhile offers the next free ones; the time shows on the customer's clock", async () => {
    const { gateway, page, pageErrors } = e2e();
    await oneSeatPerSlot(gateway.url);
    const mine = await createCallback(gateway.url, "+14155551303");

    await page.goto(`${gateway.url}/status/${mine.id}?token=${mine.token}`);
    await waitFor(page.getByText("Waiting for the next available agent"));
    const picker = page.getByLabel(
      "Move to a free time (your time zone, Europe/Zagreb)",
    );
    await eventually("free slots listed", async () =>
      (await picker.locator("option").count()) > 2 ? true : undefined,
    );
    // The second free slot (the first may start too soon to still be in the future once confirmed).
    const chosen =
      (await picker.locator("option").nth(2).getAttribute("value")) ?? "";
    expect(chosen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect(await picker.locator("option").nth(2).textContent()).toContain(
      `${wallClock(chosen, "Europe/Zagreb")} `,
    );
    await picker.selectOption(chosen);
    await page.getByRole("button", { name: "Move to this time" }).click();
    const question = await waitFor(
      page.getByRole("group", {
        name: /^Move your callback to .*\(Europe\/Zagreb\)\?$/,
      }),
    );
    expect(await focusedText(page)).toBe("Yes, move it");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Someone else takes the slot's only seat before the customer confirms.
    await createCallback(gateway.url, "+14155551304", chosen);
    await question.getByRole("button", { name: "Yes, move it" }).click();
    const taken = await waitFor(page.getByRole("alert"));
    expect(await taken.textContent()).toContain(
      "That time has just been taken. The next free times are:",
    );
    expect(await focusedText(page)).toContain("That time has just been taken");
    expect(await seriousAxeViolations(page)).toEqual([]);
    const next = new Date(Date.parse(chosen) + SLOT_MS).toISOString();
    const offered = taken.getByRole("button").first();
    expect(await offered.textContent()).toContain(
      wallClock(next, "Europe/Zagreb"),
    );
    await offered.click();
    await page.getByRole("button", { name: "Yes, move it" }).click();

    const moved = await waitFor(page.getByText(/^Your callback is moved\./));
    expect(await focusedText(page)).toBe(await moved.textContent());
    const facts = page.getByRole("definition");
    expect(await facts.allTextContents()).toEqual([
      expect.stringMatching(/^CB\d+$/),
      "Waiting for the next available agent",
      expect.stringMatching(
        new RegExp(
          `\\b${wallClock(next, "Europe/Zagreb")}\\b.*\\(Europe/Zagreb\\)$`,
        ),
      ),
    ]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    const stored = (await (
      await fetch(
        `${gateway.url}/v1/callbacks/${mine.id}/status?token=${mine.token}`,
      )
    ).json()) as { scheduledAt: string };
    expect(stored.scheduledAt).toBe(next);
    // No uncaught exception (the page once threw on a scheduled time and lost its <main>); the browser does log
    // the expected 404 (wrong link, first test) and 409 (slot taken) as failed loads.
    expect(pageErrors.filter((error) => error.startsWith("pageerror"))).toEqual(
      [],
    );
  });
});

/** The text of the element that has the focus. */
function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent ?? undefined);
}

/** The demo queue `callbacks-af` with one seat per 5-minute slot (a supervisor's PATCH). */
async function oneSeatPerSlot(url: string): Promise<void> {
  const { token } = (await (
    await fetch(`${url}/v1/auth/dev-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ agentId: "supervisor-sam" }),
    })
  ).json()) as { token: string };
  const authorization = `Bearer ${token}`;
  const current = await fetch(`${url}/v1/queues/callbacks-af`, {
    headers: { authorization },
  });
  const changed = await fetch(`${url}/v1/queues/callbacks-af`, {
    method: "PATCH",
    headers: {
      authorization,
      "content-type": "application/json",
      "if-match": current.headers.get("etag") ?? "",
    },
    body: JSON.stringify({
      slots: { minutes: 5, capacity: 1, perHourCap: 1000 },
    }),
  });
  expect(changed.status).toBe(200);
}
