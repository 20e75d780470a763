import { exampleCustomer } from "@icc/protocol";
import { DEMO_QUEUES } from "../composition/demo-configuration";
import { startTestGateway, type TestGateway } from "./test-gateway";

const HOUR = 3600_000;

describe("demo queues", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("are created through the queue configuration service: version 1 by system, each in a real time zone", async () => {
    const sam = await t.signIn("supervisor-sam");
    const queues = await sam.listQueues();
    expect(
      queues.map((queue) => [
        queue.id,
        queue.version,
        queue.businessHours.timeZone,
      ]),
    ).toEqual([
      ["callbacks-af", 1, "Europe/London"],
      ["callbacks-auto", 1, "Europe/London"],
      ["callbacks-cf", 1, "Europe/London"],
      ["callbacks-office", 1, "America/New_York"],
    ]);
    for (const queue of DEMO_QUEUES) {
      expect(
        (await sam.listQueueRevisions(queue.id)).map(
          ({ version, changedBy }) => [version, changedBy],
        ),
      ).toEqual([[1, "system"]]);
    }
  });

  it("offers an office-hours callback only once New York opens (DST already in force on 10 March 2026)", async () => {
    const ada = await t.signIn("agent-ada");
    const sam = await t.signIn("supervisor-sam");
    await ada.setPresence("agent-ada", "available");
    // 09:00 UTC on Tuesday 10 March 2026 is 05:00 in New York (EDT, UTC-4 since 8 March): closed.
    const { callback } = await t.anonymous.createCallback({
      queueId: "callbacks-office",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "Mortgage question",
    });
    expect((await sam.getInteraction(callback.interactionId)).state).toBe(
      "queued",
    );
    await t.advance(4 * HOUR - 60_000);
    expect((await sam.getInteraction(callback.interactionId)).state).toBe(
      "queued",
    );
    // 13:00 UTC = 09:00 EDT: the office opens and Ada, free, gets the offer.
    await t.advance(60_000);
    expect(await ada.getInteraction(callback.interactionId)).toMatchObject({
      state: "offered",
      agentId: "agent-ada",
      offeredAt: "2026-03-10T13:00:00.000Z",
    });
  });

  it("keeps the queues the walk-through uses open around the clock", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    // 03:00 in London and 22:00 in New York the day before.
    await t.advance(18 * HOUR);
    const { callback } = await t.anonymous.createCallback({
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "At night",
    });
    expect((await ada.getInteraction(callback.interactionId)).state).toBe(
      "offered",
    );
  });
});
