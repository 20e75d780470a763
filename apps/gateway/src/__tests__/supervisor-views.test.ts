import {
  exampleCustomer,
  type EventFrame,
  type CreateCallbackRequestInput,
} from "@icc/protocol";
import { openStream, type StreamClient } from "./stream-client";
import {
  rawRequest,
  startTestGateway,
  TEST_START,
  type TestGateway,
} from "./test-gateway";

const NUMBER = "+14155550177";
const at = (ms: number) => new Date(Date.parse(TEST_START) + ms).toISOString();

function request(
  overrides: Partial<CreateCallbackRequestInput> = {},
): CreateCallbackRequestInput {
  return {
    queueId: "callbacks-af",
    customer: exampleCustomer({ phoneNumbers: [NUMBER] }),
    reason: { code: "product-issue" },
    shortDescription: "Supervisor views",
    ...overrides,
  };
}

async function supervisorStream(t: TestGateway): Promise<StreamClient> {
  const sam = await t.signIn("supervisor-sam");
  const stream = await openStream(t.url);
  stream.hello(sam.token);
  await stream.waitFor((frame) => frame.type === "snapshot");
  return stream;
}

const presenceFrame =
  (agentId: string, presence: string) => (frame: { type: string }) => {
    const event = (frame as EventFrame).event;
    return (
      frame.type === "event" &&
      event?.type === "agent.presence-changed" &&
      event.agentId === agentId &&
      event.presence === presence
    );
  };

describe("supervisor views: presence that follows the work, missed offers, the last hour", () => {
  let t: TestGateway;
  let stream: StreamClient | undefined;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await stream?.close();
    stream = undefined;
    await t.close();
  });

  it("shows Busy and After-call work with the time in state in GET /v1/agents and on the stream, then the chosen presence again", async () => {
    stream = await supervisorStream(t);
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(request());
    await t.advance(4000);
    await ada.sendCommand(callback.interactionId, { type: "accept" });
    const adaNow = async () =>
      (await ada.listAgents()).find((agent) => agent.id === "agent-ada");
    expect(await adaNow()).toMatchObject({
      presence: "busy",
      presenceSince: at(4000),
      chosenPresence: "available",
    });
    const busy = await stream.waitFor<EventFrame>(
      presenceFrame("agent-ada", "busy"),
    );
    expect(busy.agent).toMatchObject({
      presence: "busy",
      presenceSince: at(4000),
      chosenPresence: "available",
    });

    // A choice made during the work waits for the work to end.
    expect(await ada.setPresence("agent-ada", "away")).toMatchObject({
      presence: "busy",
      presenceSince: at(4000),
      chosenPresence: "away",
    });

    await t.advance(6000);
    await ada.sendCommand(callback.interactionId, { type: "close-callback" });
    expect(await adaNow()).toMatchObject({
      presence: "away",
      presenceSince: at(10_000),
    });
    expect((await adaNow())?.chosenPresence).toBeUndefined();
    const back = await stream.waitFor<EventFrame>(
      presenceFrame("agent-ada", "away"),
    );
    expect(back.agent).toMatchObject({
      presence: "away",
      presenceSince: at(10_000),
    });
  });

  it("records missed and rejected offers with agent, queue and reason, for supervisors only, and counts them in metrics", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    const sam = await t.signIn("supervisor-sam");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(request());
    await t.advance(30_000); // Ada lets the offer time out
    await grace.setPresence("agent-grace", "available");
    const offered = await sam.getInteraction(callback.interactionId);
    expect(offered).toMatchObject({ state: "offered", agentId: "agent-grace" });
    await t.advance(5000);
    await grace.sendCommand(callback.interactionId, { type: "reject" });

    const page = await sam.listMissedOffers();
    expect(
      page.items.map((offer) => [offer.agentId, offer.queueId, offer.reason]),
    ).toEqual([
      ["agent-grace", "callbacks-af", "rejected"],
      ["agent-ada", "callbacks-af", "timeout"],
    ]);
    expect(page.items[1]).toMatchObject({
      at: at(30_000),
      callbackId: callback.id,
      interactionId: callback.interactionId,
    });
    expect(page.totals.byQueue).toEqual([
      { id: "callbacks-af", timeout: 1, rejected: 1 },
    ]);
    expect(
      (await sam.listMissedOffers({ agentId: "agent-ada" })).items,
    ).toHaveLength(1);
    expect(
      (await sam.listMissedOffers({ from: at(30_001) })).items.map(
        (offer) => offer.agentId,
      ),
    ).toEqual(["agent-grace"]);

    const forbidden = await rawRequest(`${t.url}/v1/offers/missed`, {
      method: "GET",
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(forbidden.status).toBe(403);
    const bad = await rawRequest(`${t.url}/v1/offers/missed?reason=bored`, {
      method: "GET",
      headers: { authorization: `Bearer ${sam.token}` },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      code: "validation_failed",
      issues: [expect.objectContaining({ path: ["reason"] })],
    });

    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    expect(metrics).toContain(
      'icc_missed_offers_total{queue="callbacks-af",agent="agent-ada",reason="timeout"} 1',
    );
    expect(metrics).toContain(
      'icc_missed_offers_total{queue="callbacks-af",agent="agent-grace",reason="rejected"} 1',
    );
  });

  it("serves the last hour per queue from the event log: depth and oldest wait at each bucket end, offers, accepts, misses, service level", async () => {
    const ada = await t.signIn("agent-ada");
    const sam = await t.signIn("supervisor-sam");
    await t.anonymous.createCallback(request());
    await t.anonymous.createCallback(
      request({
        customer: exampleCustomer({ phoneNumbers: ["+14155550178"] }),
      }),
    );
    await t.advance(3 * 60_000);
    await ada.setPresence("agent-ada", "available"); // the oldest is offered after 3 minutes of waiting
    await t.advance(30_000); // and missed; the other is offered to her at once
    const offered = (
      await sam.listInteractions({ agentId: "agent-ada", state: "offered" })
    )[0];
    if (!offered) throw new Error("Ada should hold an offer");
    await ada.sendCommand(offered.id, { type: "accept" });

    const history = await sam.getQueueHistory({
      minutes: 10,
      serviceLevelSeconds: 600,
    });
    expect(history).toMatchObject({
      bucketSeconds: 60,
      serviceLevelSeconds: 600,
      to: at(3.5 * 60_000),
    });
    const af = history.queues.find((queue) => queue.queueId === "callbacks-af");
    if (!af) throw new Error("callbacks-af missing");
    expect(af.points).toHaveLength(10);
    const pointAt = (ms: number) =>
      af.points.find((point) => point.at === at(ms));
    // Bucket ending 2.5 min after the start: both waiting, the oldest 2.5 min.
    expect(pointAt(2.5 * 60_000)).toMatchObject({
      depth: 2,
      oldestWaitSeconds: 150,
      offered: 0,
      missed: 0,
    });
    const totals = af.points.reduce(
      (sum, point) => ({
        offered: sum.offered + point.offered,
        accepted: sum.accepted + point.accepted,
        missed: sum.missed + point.missed,
      }),
      {
        offered: 0,
        accepted: 0,
        missed: 0,
      },
    );
    expect(totals).toEqual({ offered: 2, accepted: 1, missed: 1 });
    const last = af.points[af.points.length - 1];
    expect(last).toMatchObject({ depth: 1, accepted: 1, serviceLevel: 1 });
    expect(
      af.points.slice(0, 5).every((point) => point.serviceLevel === null),
    ).toBe(true);

    const forbidden = await rawRequest(`${t.url}/v1/queues/stats/history`, {
      method: "GET",
      headers: { authorization: `Bearer ${ada.token}` },
    });
    expect(forbidden.status).toBe(403);
  });
});
