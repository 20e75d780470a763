import { exampleCustomer } from "@icc/protocol";
import { startTestGateway, type TestGateway } from "./test-gateway";
import { DEMO_QUEUES } from "../composition/demo-configuration";

const body = (shortDescription = "Charged twice") => ({
  queueId: "callbacks-af",
  customer: exampleCustomer(),
  reason: { code: "billing-issue" as const },
  shortDescription,
});

describe("idempotent intake", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("same key and body → 200 with the same callback; other body → 409 idempotency_conflict", async () => {
    const first = await t.anonymous.createCallback(body(), {
      idempotencyKey: "ivr-42",
    });
    expect(first.replayed).toBe(false);
    // Key order and spelled-out defaults do not change the canonical request.
    const reordered = {
      shortDescription: "Charged twice",
      reason: { code: "billing-issue" as const },
      customer: exampleCustomer(),
      queueId: "callbacks-af",
      ivrPath: [],
    };
    const again = await t.anonymous.createCallback(reordered, {
      idempotencyKey: "ivr-42",
    });
    expect(again).toMatchObject({
      replayed: true,
      callback: { id: first.callback.id, number: first.callback.number },
    });
    await expect(
      t.anonymous.createCallback(body("Something else"), {
        idempotencyKey: "ivr-42",
      }),
    ).rejects.toMatchObject({
      status: 409,
      code: "idempotency_conflict",
    });
  });

  it("concurrent requests with the same key create one callback", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        t.anonymous.createCallback(body(), { idempotencyKey: "web-7" }),
      ),
    );
    expect(new Set(answers.map((answer) => answer.callback.id)).size).toBe(1);
    expect(answers.filter((answer) => !answer.replayed)).toHaveLength(1);
    const supervisor = await t.signIn("supervisor-sam");
    expect((await supervisor.listCallbacks()).items).toHaveLength(1);
  });

  it("refuses an unusable key", async () => {
    await expect(
      t.anonymous.createCallback(body(), { idempotencyKey: "has spaces" }),
    ).rejects.toMatchObject({
      status: 400,
      code: "idempotency_key_invalid",
    });
  });
});

describe("access control", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("agent A can neither read nor command agent B's interaction; a supervisor can read it", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(body());
    await ada.sendCommand(callback.interactionId, { type: "accept" });

    await expect(
      grace.getInteraction(callback.interactionId),
    ).rejects.toMatchObject({ status: 403, code: "forbidden" });
    await expect(
      grace.sendCommand(callback.interactionId, { type: "close-callback" }),
    ).rejects.toMatchObject({ status: 403, code: "forbidden" });
    await expect(grace.getCallback(callback.id)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
    });
    await expect(grace.cancelCallback(callback.id)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(await grace.listInteractions()).toEqual([]);
    expect((await grace.listCallbacks()).items).toEqual([]);

    const supervisor = await t.signIn("supervisor-sam");
    expect(
      (await supervisor.getInteraction(callback.interactionId)).agentId,
    ).toBe("agent-ada");
    await expect(
      supervisor.sendCommand(callback.interactionId, {
        type: "close-callback",
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect(
      (await ada.listInteractions()).map((interaction) => interaction.id),
    ).toEqual([callback.interactionId]);
  });

  it("a command the controls do not allow is 409 invalid_transition", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(body());
    await expect(
      ada.sendCommand(callback.interactionId, { type: "hold" }),
    ).rejects.toMatchObject({ status: 409, code: "invalid_transition" });
    await expect(
      ada.sendCommand("no-such-interaction", { type: "accept" }),
    ).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("only the agent or a supervisor sets presence; queue stats are for supervisors", async () => {
    const ada = await t.signIn("agent-ada");
    await expect(
      ada.setPresence("agent-grace", "available"),
    ).rejects.toMatchObject({ status: 403 });
    await expect(ada.getQueueStats()).rejects.toMatchObject({ status: 403 });
    const supervisor = await t.signIn("supervisor-sam");
    expect(
      (await supervisor.setPresence("agent-grace", "available")).presence,
    ).toBe("available");
    expect(
      (await supervisor.getQueueStats()).map((stats) => stats.queueId),
    ).toHaveLength(DEMO_QUEUES.length);
  });

  it("tokens expire after 12 hours", async () => {
    const ada = await t.signIn("agent-ada");
    t.timerClock.advance(12 * 3600 * 1000 + 1000);
    await expect(ada.me()).rejects.toMatchObject({
      status: 401,
      code: "unauthorized",
    });
  });
});
