import { exampleCustomer } from "@icc/protocol";
import { startTestGateway, TEST_START, type TestGateway } from "./test-gateway";

const tuesday = new Date(Date.parse(TEST_START) + 24 * 3600_000).toISOString();
const body = (overrides: Record<string, unknown> = {}) => ({
  queueId: "callbacks-af",
  customer: exampleCustomer(),
  reason: { code: "billing-issue" as const },
  shortDescription: "Call me back Tuesday",
  schedule: { type: "scheduled" as const, start: tuesday },
  ...overrides,
});

describe("callbacks kept for an agent, and My callbacks → Scheduled", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("anonymous intake may not keep a callback for an agent (401); an agent may keep one only for themselves (403 otherwise)", async () => {
    await expect(
      t.anonymous.createCallback(body({ assignedAgentId: "agent-ada" })),
    ).rejects.toMatchObject({ status: 401, code: "unauthorized" });
    const ada = await t.signIn("agent-ada");
    await expect(
      ada.createCallback(body({ assignedAgentId: "agent-grace" })),
    ).rejects.toMatchObject({ status: 403, code: "forbidden" });
    const kept = await ada.createCallback(
      body({ assignedAgentId: "agent-ada", source: "agent" }),
    );
    expect(kept.callback).toMatchObject({
      assignedAgentId: "agent-ada",
      source: "agent",
      state: "pending",
    });
    const sam = await t.signIn("supervisor-sam");
    expect(
      (await sam.createCallback(body({ assignedAgentId: "agent-grace" })))
        .callback.assignedAgentId,
    ).toBe("agent-grace");
  });

  it("Scheduled lists the queue’s scheduled callbacks and the ones kept for me, soonest first; not those kept for others", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    const later = new Date(Date.parse(tuesday) + 3600_000).toISOString();
    const queueWide = (
      await t.anonymous.createCallback(
        body({ schedule: { type: "scheduled", start: later } }),
      )
    ).callback;
    const adas = (
      await ada.createCallback(body({ assignedAgentId: "agent-ada" }))
    ).callback;
    await t.anonymous.createCallback(body({ schedule: { type: "asap" } })); // waiting now: Open work, not upcoming

    const upcomingOf = async (client: typeof ada) =>
      (await client.listCallbacks({ view: "upcoming" })).items.map(
        (callback) => callback.number,
      );
    expect(await upcomingOf(ada)).toEqual([adas.number, queueWide.number]);
    expect(await upcomingOf(grace)).toEqual([queueWide.number]);
    // Without the view an agent still lists only what they handled.
    expect((await grace.listCallbacks()).items).toEqual([]);
    // Keeping gives read and change, not commands.
    expect((await ada.getCallback(adas.id)).id).toBe(adas.id);
    await expect(grace.getCallback(adas.id)).rejects.toMatchObject({
      status: 403,
    });
    const moved = await ada.rescheduleCallback(adas.id, {
      start: later,
      assignedAgentId: "agent-ada",
    });
    expect(moved).toMatchObject({
      assignedAgentId: "agent-ada",
      schedule: { start: later },
    });
    await expect(
      ada.rescheduleCallback(queueWide.id, {
        start: later,
        assignedAgentId: "agent-ada",
      }),
    ).rejects.toMatchObject({ status: 403 });
  });

  it("the callback timeline lists every event of its interactions to those who may read it", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(
      body({ schedule: { type: "asap" } }),
    );
    await ada.sendCommand(callback.interactionId, { type: "accept" });
    const events = await ada.listCallbackEvents(callback.number);
    expect(events.map((event) => event.type)).toEqual([
      "interaction.created",
      "interaction.offered",
      "interaction.accepted",
    ]);
    expect(
      events.find((event) => event.type === "interaction.accepted"),
    ).toMatchObject({ agentId: "agent-ada" });
    await expect(grace.listCallbackEvents(callback.id)).rejects.toMatchObject({
      status: 403,
      code: "forbidden",
    });
  });

  it('a supervisor reassigns a waiting callback to an agent (offered to them only) and releases it to the queue; agents may not reassign others\' callbacks', async () => {
    const sam = await t.signIn('supervisor-sam');
    const ada = await t.signIn('agent-ada');
    const grace = await t.signIn('agent-grace');
    const { callback } = await t.anonymous.createCallback(body());
    const kept = await sam.rescheduleCallback(callback.id, { start: tuesday, assignedAgentId: 'agent-grace' });
    expect(kept.assignedAgentId).toBe('agent-grace');
    // Ada neither keeps it for herself nor releases it: it is not hers (no change access).
    await expect(ada.rescheduleCallback(callback.id, { start: tuesday, assignedAgentId: 'agent-ada' })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(ada.rescheduleCallback(callback.id, { start: tuesday, assignedAgentId: null })).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    // Grace, who keeps it, may not hand it to Ada either.
    await expect(grace.rescheduleCallback(callback.id, { start: tuesday, assignedAgentId: 'agent-ada' })).rejects.toMatchObject({ status: 403, code: 'forbidden' });

    await ada.setPresence('agent-ada', 'available');
    await t.advance(Date.parse(tuesday) - Date.parse(TEST_START));
    // Due, Ada free, Grace away: it waits for Grace.
    expect(await sam.getInteraction(callback.interactionId)).toMatchObject({ state: 'queued' });

    const later = new Date(Date.parse(tuesday) + 3600_000).toISOString();
    const released = await sam.rescheduleCallback(callback.id, { start: later, assignedAgentId: null });
    expect(released).not.toHaveProperty('assignedAgentId');
    await t.advance(3600_000);
    expect(await ada.getInteraction(callback.interactionId)).toMatchObject({ state: 'offered', agentId: 'agent-ada' });
  });
});
