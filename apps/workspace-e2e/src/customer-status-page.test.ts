import { seriousAxeViolations } from "./support/axe-scan";
import { useE2eContext } from "./support/e2e-context";
import { waitFor } from "./support/wait-for";

/** What an SMS link opens: the customer's own callback, by the token from creation, without signing in. */
describe("customer status page", () => {
  const e2e = useE2eContext("customer-status-page");

  async function createCallback(
    url: string,
    phoneNumber: string,
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
    expect(
      await page.getByRole("button", { name: "Cancel callback" }).count(),
    ).toBe(0);

    await page.goto(`${gateway.url}/status/${mine.id}?token=${"x".repeat(43)}`);
    await waitFor(page.getByRole("alert"));
    expect(await page.getByRole("alert").textContent()).toBe(
      "This link does not match a callback.",
    );
  });
});
