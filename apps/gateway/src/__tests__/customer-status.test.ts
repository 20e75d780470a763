import {
  exampleCustomer,
  exampleQueueConfig,
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
      timeZone: "America/Los_Angeles",
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
    // A slot start of callbacks-af (open around the clock, 5-minute slots).
    const later = new Date(
      Math.ceil((Date.now() + 3 * 24 * 3_600_000) / 300_000) * 300_000,
    ).toISOString();
    const moved = await move(later);
    expect(moved.status).toBe(200);
    expect(await moved.json()).toMatchObject({
      scheduledAt: later,
      position: null,
      changeable: true,
    });
  });

  describe("free slots of the callback's queue, and moving into one", () => {
    const ALWAYS_OPEN = {
      timeZone: "Europe/Paris",
      weekly: [],
      closedDates: [],
    };
    const SLOT = "2026-03-11T10:00:00.000Z";
    const NEXT = "2026-03-11T10:05:00.000Z";

    /** A queue with one seat per 5-minute slot, and the customer whose callback is scheduled at NEXT. */
    async function oneSeatQueue(): Promise<{ id: string; token: string }> {
      const sam = await t.signIn("supervisor-sam");
      await sam.createQueue(
        exampleQueueConfig({
          id: "q-one-seat",
          name: "One seat",
          businessHours: ALWAYS_OPEN,
          slots: { minutes: 5, capacity: 1, perHourCap: 1000 },
        }),
      );
      await t.anonymous.createCallback({
        ...request("+14155550150"),
        queueId: "q-one-seat",
        schedule: { type: "scheduled", start: SLOT },
      });
      const response = await fetch(`${t.url}/v1/callbacks`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          ...request("+14155550151"),
          queueId: "q-one-seat",
          schedule: { type: "scheduled", start: NEXT },
        }),
      });
      expect(response.status).toBe(201);
      return {
        id: ((await response.json()) as { id: string }).id,
        token: response.headers.get("icc-status-token") ?? "",
      };
    }

    const slots = (id: string, token: string, to = "2026-03-11T10:15:00Z") =>
      fetch(
        `${t.url}/v1/callbacks/${id}/status/slots?token=${encodeURIComponent(token)}&from=${SLOT}&to=${to}`,
      );
    const move = (id: string, token: string, start: string) =>
      fetch(`${t.url}/v1/callbacks/${id}/status/move?token=${token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ start }),
      });

    it("lists the queue's slots with the seats booked, on the customer's clock", async () => {
      const mine = await oneSeatQueue();
      const response = await slots(mine.id, mine.token);
      expect(response.status).toBe(200);
      const list = (await response.json()) as {
        timeZone: string;
        items: Array<{ start: string; localStart: string; remaining: number }>;
      };
      expect(list.timeZone).toBe("America/Los_Angeles");
      expect(
        list.items.map(({ start, localStart, remaining }) => [
          start,
          localStart,
          remaining,
        ]),
      ).toEqual([
        [SLOT, "2026-03-11T03:00-07:00", 0],
        [NEXT, "2026-03-11T03:05-07:00", 0],
        ["2026-03-11T10:10:00.000Z", "2026-03-11T03:10-07:00", 1],
      ]);
    });

    it("refuses a wrong token and another callback's token like an unknown callback, privately", async () => {
      const mine = await oneSeatQueue();
      const theirs = await create("+14155550152");
      for (const response of [
        await slots(mine.id, theirs.token),
        await slots(theirs.id, mine.token),
        await slots(mine.id, "z".repeat(43)),
      ]) {
        expect(response.status).toBe(404);
        expect(response.headers.get("cache-control")).toBe("no-store");
        expect(response.headers.get("referrer-policy")).toBe("no-referrer");
        expect(((await response.json()) as { code: string }).code).toBe(
          "not_found",
        );
      }
      const badRange = await slots(mine.id, mine.token, "2026-03-30T00:00:00Z");
      expect(badRange.status).toBe(400);
      expect(badRange.headers.get("cache-control")).toBe("no-store");
      expect(
        ((await badRange.json()) as { issues: Array<{ path: unknown[] }> })
          .issues[0]?.path,
      ).toEqual(["to"]);
    });

    it("answers a move into a full slot with 409 slot_full and the next free slots, and moves into a free one", async () => {
      const mine = await oneSeatQueue();
      const full = await move(mine.id, mine.token, SLOT);
      expect(full.status).toBe(409);
      expect(full.headers.get("cache-control")).toBe("no-store");
      expect(full.headers.get("referrer-policy")).toBe("no-referrer");
      // Its own seat (NEXT) is not counted against it.
      expect(await full.json()).toMatchObject({
        code: "slot_full",
        nextFreeSlots: [NEXT, "2026-03-11T10:10:00.000Z"].concat(
          ["10:15", "10:20", "10:25"].map(
            (time) => `2026-03-11T${time}:00.000Z`,
          ),
        ),
      });
      // Only the start of a slot: the customer picks among the listed ones.
      const between = await move(
        mine.id,
        mine.token,
        "2026-03-11T10:12:00.000Z",
      );
      expect(between.status).toBe(400);
      expect(between.headers.get("cache-control")).toBe("no-store");
      expect(await between.json()).toMatchObject({
        code: "validation_failed",
        issues: [{ path: ["start"] }],
      });
      const moved = await move(mine.id, mine.token, "2026-03-11T10:10:00.000Z");
      expect(moved.status).toBe(200);
      expect(await moved.json()).toMatchObject({
        scheduledAt: "2026-03-11T10:10:00.000Z",
        changeable: true,
      });
      expect(
        (
          (await (await slots(mine.id, mine.token)).json()) as {
            items: Array<{ remaining: number }>;
          }
        ).items.map((slot) => slot.remaining),
      ).toEqual([0, 1, 0]);
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
    const refused = await status(mine.id, mine.token);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.headers.get("referrer-policy")).toBe("no-referrer");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
