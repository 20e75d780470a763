import {
  exampleCustomer,
  type CreateCallbackRequestInput,
} from "@icc/protocol";
import { startTestGateway, type TestGateway } from "./test-gateway";

const CUSTOMER_NUMBER = "+14155550142";

function callbackRequest(
  queueId: string,
  overrides: Partial<CreateCallbackRequestInput> = {},
): CreateCallbackRequestInput {
  return {
    queueId,
    customer: exampleCustomer({ phoneNumbers: [CUSTOMER_NUMBER] }),
    reason: { code: "product-issue" },
    shortDescription: "Router keeps dropping the connection",
    ...overrides,
  };
}

function setBehaviour(t: TestGateway, behaviour: unknown, phoneNumber = CUSTOMER_NUMBER): Promise<void> {
  return t.setTelephonyBehaviour(phoneNumber, behaviour);
}

describe("callback scenarios end to end (mock vendor, fake clock)", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("customer-first ASAP: the customer answers, the agent takes the call and completes it", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    await setBehaviour(t, { kind: "answer", afterSeconds: 5 });
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-cf"),
    );
    expect((await ada.getInteraction(callback.interactionId)).state).toBe(
      "dialing",
    );

    await t.advance(5000);
    const offered = await ada.getInteraction(callback.interactionId);
    expect(offered).toMatchObject({
      state: "offered",
      agentId: "agent-ada",
      customerOnLine: true,
    });

    expect(
      (await ada.sendCommand(callback.interactionId, { type: "accept" })).state,
    ).toBe("connected");
    expect(
      (await ada.sendCommand(callback.interactionId, { type: "end-call" }))
        .state,
    ).toBe("wrap-up");
    const closed = await ada.sendCommand(callback.interactionId, {
      type: "submit-wrap-up",
      wrapUp: { reason: "resolved", notes: "Fixed" },
    });
    expect(closed).toMatchObject({ state: "closed", outcome: "completed" });
    expect((await ada.getCallback(callback.number)).state).toBe("completed");
  });

  it("agent-first manual dial: no answer, Retry call, answered, hold/resume, end, wrap-up, closed", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    await setBehaviour(t, {
      kind: "sequence",
      steps: [
        { kind: "no-answer", afterSeconds: 20 },
        { kind: "answer", afterSeconds: 4 },
      ],
    });
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-af"),
    );
    const id = callback.interactionId;
    expect(await ada.getInteraction(id)).toMatchObject({
      state: "offered",
      agentId: "agent-ada",
    });

    expect((await ada.sendCommand(id, { type: "accept" })).state).toBe(
      "previewing",
    );
    await t.advance(12_000);
    expect(
      (
        await ada.sendCommand(id, {
          type: "dial",
          phoneNumber: CUSTOMER_NUMBER,
        })
      ).state,
    ).toBe("dialing");
    await t.advance(20_000);
    expect((await ada.getInteraction(id)).state).toBe("no-answer");

    expect((await ada.sendCommand(id, { type: "redial" })).state).toBe(
      "dialing",
    );
    await t.advance(4000);
    const connected = await ada.getInteraction(id);
    expect(connected.state).toBe("connected");
    expect(connected.attempts.map((attempt) => attempt.outcome)).toEqual([
      "no-answer",
      "answered",
    ]);
    expect(connected.previewDurationMs).toBe(12_000);

    expect((await ada.sendCommand(id, { type: "hold" })).state).toBe("on-hold");
    expect((await ada.sendCommand(id, { type: "resume" })).state).toBe(
      "connected",
    );
    expect((await ada.sendCommand(id, { type: "end-call" })).state).toBe(
      "wrap-up",
    );
    const closed = await ada.sendCommand(id, {
      type: "submit-wrap-up",
      wrapUp: { reason: "resolved", notes: "" },
    });
    expect(closed).toMatchObject({ state: "closed", outcome: "completed" });

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain(
      'icc_no_answers_total{queue="callbacks-af",failure="no-answer"} 1',
    );
    expect(metrics).toContain('icc_answers_total{queue="callbacks-af"} 1');
    expect(metrics).toMatch(
      /icc_preview_seconds_sum\{queue="callbacks-af"\} 12\b/,
    );
  });

  it("auto-dial: the countdown dials by itself, and wrap-up closes itself", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    await setBehaviour(t, { kind: "answer", afterSeconds: 2 });
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-auto"),
    );
    const id = callback.interactionId;
    const previewing = await ada.sendCommand(id, { type: "accept" });
    expect(previewing.state).toBe("previewing");
    expect(previewing.autoDialAt).toBe(
      new Date(Date.parse("2026-03-10T09:00:00Z") + 10_000).toISOString(),
    );

    await t.advance(9_999);
    expect((await ada.getInteraction(id)).state).toBe("previewing");
    await t.advance(1);
    expect((await ada.getInteraction(id)).state).toBe("dialing");
    await t.advance(2000);
    expect((await ada.getInteraction(id)).state).toBe("connected");
    expect((await ada.sendCommand(id, { type: "end-call" })).state).toBe(
      "wrap-up",
    );
    await t.advance(30_000);
    expect(await ada.getInteraction(id)).toMatchObject({
      state: "closed",
      outcome: "completed",
    });
  });

  it("scheduled: the callback enters the queue at its start time", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const start = "2026-03-10T09:30:00Z";
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-af", {
        schedule: { type: "scheduled", start },
      }),
    );
    const supervisor = await t.signIn("supervisor-sam");
    expect(
      (await supervisor.getInteraction(callback.interactionId)).state,
    ).toBe("scheduled");

    await t.advance(30 * 60_000 - 1);
    expect(
      (await supervisor.getInteraction(callback.interactionId)).state,
    ).toBe("scheduled");
    await t.advance(1);
    expect(
      await supervisor.getInteraction(callback.interactionId),
    ).toMatchObject({ state: "offered", agentId: "agent-ada" });
  });

  it("cancel while queued closes the interaction as cancelled; after connect it is refused", async () => {
    const supervisor = await t.signIn("supervisor-sam");
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-af"),
    );
    expect(
      (await supervisor.getInteraction(callback.interactionId)).state,
    ).toBe("queued");
    const cancelled = await supervisor.cancelCallback(callback.id, {
      reason: "Customer called back",
    });
    expect(cancelled.state).toBe("cancelled");
    expect(
      await supervisor.getInteraction(callback.interactionId),
    ).toMatchObject({ state: "closed", outcome: "cancelled" });

    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    await setBehaviour(t, { kind: "answer", afterSeconds: 1 });
    const second = (
      await t.anonymous.createCallback(callbackRequest("callbacks-af"))
    ).callback;
    await ada.sendCommand(second.interactionId, { type: "accept" });
    await ada.sendCommand(second.interactionId, {
      type: "dial",
      phoneNumber: CUSTOMER_NUMBER,
    });
    await t.advance(1000);
    await expect(supervisor.cancelCallback(second.id)).rejects.toMatchObject({
      status: 409,
      code: "invalid_transition",
    });
  });

  it("reject re-offers the callback to the next available agent", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    await ada.setPresence("agent-ada", "available");
    await t.advance(1000);
    await grace.setPresence("agent-grace", "available");
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-af"),
    );
    expect((await ada.getInteraction(callback.interactionId)).agentId).toBe(
      "agent-ada",
    );

    const rejected = await ada.sendCommand(callback.interactionId, {
      type: "reject",
    });
    expect(rejected).toMatchObject({
      state: "offered",
      agentId: "agent-grace",
    });
    expect(
      (await grace.sendCommand(callback.interactionId, { type: "accept" }))
        .state,
    ).toBe("previewing");
  });

  it("transfer callback to another queue: offered there, the first interaction closes as transferred", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(
      callbackRequest("callbacks-af"),
    );
    const first = callback.interactionId;
    await ada.sendCommand(first, { type: "accept" });
    await grace.setPresence("agent-grace", "available");

    const transferring = await ada.sendCommand(first, {
      type: "transfer-callback",
      target: { kind: "queue", queueId: "callbacks-auto" },
    });
    expect(transferring.state).toBe("transferring");
    const target = transferring.transfer?.toInteractionId ?? "";
    expect(await grace.getInteraction(target)).toMatchObject({
      state: "offered",
      agentId: "agent-grace",
      queueId: "callbacks-auto",
    });

    await grace.sendCommand(target, { type: "accept" });
    expect(await ada.getInteraction(first)).toMatchObject({
      state: "closed",
      outcome: "transferred",
    });
    const moved = await grace.getCallback(callback.id);
    expect(moved).toMatchObject({
      interactionId: target,
      queueId: "callbacks-auto",
    });
  });
});
