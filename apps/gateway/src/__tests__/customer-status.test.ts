import {
  exampleCustomer,
  type CreateCallbackRequestInput,
} from "@icc/protocol";
import { startTestGateway, type TestGateway } from "./test-gateway";

function request(phoneNumber: string): CreateCallbackRequestInput {
  return {
    queueId: "callbacks-af",
    customer: exampleCustomer({ phoneNumbers: [phoneNumber] }),
    reason: { code: "product-issue" },
    shortDescription: "Router drops",
  };
}

describe("customer status page API (token from creation, no sign-in)", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  async function create(
    phoneNumber: string,
  ): Promise<{ id: string; token: string }> {
    const response = await fetch(`${t.url}/v1/callbacks`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(request(phoneNumber)),
    });
    expect(response.status).toBe(201);
    const token = response.headers.get("icc-status-token");
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return {
      id: ((await response.json()) as { id: string }).id,
      token: token as string,
    };
  }

  const status = (id: string, token: string) =>
    fetch(
      `${t.url}/v1/callbacks/${encodeURIComponent(id)}/status?token=${encodeURIComponent(token)}`,
    );

  it("tells the customer state, place and wait, privately", async () => {
    const first = await create("+14155550142");
    const second = await create("+14155550143");
    const response = await status(second.id, second.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      callbackId: second.id,
      state: "pending",
      stateText: "Waiting for the next available agent",
      position: 2,
      scheduledAt: null,
      changeable: true,
    });
    expect(
      (
        (await (await status(first.id, first.token)).json()) as {
          position: number;
        }
      ).position,
    ).toBe(1);
  });

  it("refuses a token on another callback, and a made-up one, like an unknown callback", async () => {
    const mine = await create("+14155550142");
    const theirs = await create("+14155550143");
    for (const response of [
      await status(theirs.id, mine.token),
      await status(mine.id, "x".repeat(43)),
      await status("cb-none", mine.token),
    ]) {
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe(
        "not_found",
      );
    }
    const cancel = await fetch(
      `${t.url}/v1/callbacks/${theirs.id}/status/cancel?token=${mine.token}`,
      { method: "POST" },
    );
    expect(cancel.status).toBe(404);
    expect(
      (
        (await (await status(theirs.id, theirs.token)).json()) as {
          state: string;
        }
      ).state,
    ).toBe("pending");
  });

  it("lets the customer cancel with the token", async () => {
    const mine = await create("+14155550142");
    const response = await fetch(
      `${t.url}/v1/callbacks/${mine.id}/status/cancel?token=${mine.token}`,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reason: "Solved it myself" }),
      },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      state: "cancelled",
      stateText: "Cancelled",
      position: null,
      changeable: false,
    });
  });

  it("lets the customer move it to a later time, and refuses a time in the past at its path", async () => {
    const mine = await create("+14155550142");
    const move = (start: string) =>
      fetch(
        `${t.url}/v1/callbacks/${mine.id}/status/move?token=${mine.token}`,
        {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ start }),
        },
      );
    const now = (
      (await (await status(mine.id, mine.token)).json()) as {
        scheduledAt: null;
      }
    ).scheduledAt;
    expect(now).toBeNull();
    const past = await move("2000-01-01T10:00:00Z");
    expect(past.status).toBe(400);
    expect(
      ((await past.json()) as { issues: Array<{ path: unknown[] }> }).issues[0]
        ?.path,
    ).toEqual(["start"]);
    const later = new Date(Date.now() + 3 * 24 * 3_600_000).toISOString();
    const moved = await move(later);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      scheduledAt: later,
      position: null,
      changeable: true,
    });
  });

  it("throttles guessing: wrong tokens run out the per-client budget", async () => {
    const mine = await create("+14155550142");
    const codes: number[] = [];
    for (let n = 0; n < 32; n++)
      codes.push(
        (await status(mine.id, `guess-${n}-${"y".repeat(30)}`)).status,
      );
    expect(codes.slice(0, 30).every((code) => code === 404)).toBe(true);
    expect(codes.slice(30)).toEqual([429, 429]);
  });
});
