import {
  exampleCustomer,
  type EventFrame,
  type ServerFrame,
  type SnapshotFrame,
  type WelcomeFrame,
} from "@icc/protocol";
import { openStream, type StreamClient } from "./stream-client";
import { startTestGateway, type TestGateway } from "./test-gateway";
import { DEMO_QUEUES } from "../composition/demo-configuration";

const request = (queueId = "callbacks-af") => ({
  queueId,
  customer: exampleCustomer({ phoneNumbers: ["+14155550142"] }),
  reason: { code: "product-issue" as const },
  shortDescription: "Router keeps dropping the connection",
});

const isEvent = (frame: ServerFrame): frame is EventFrame =>
  frame.type === "event";
const eventSeqs = (client: StreamClient) =>
  client.frames.filter(isEvent).map((frame) => frame.event.seq);

describe("/v1/agent-stream", () => {
  let t: TestGateway;
  const clients: StreamClient[] = [];
  const connect = async () => {
    const client = await openStream(t.url);
    clients.push(client);
    return client;
  };
  beforeEach(async () => {
    t = await startTestGateway({
      stream: {
        heartbeatSeconds: 1,
        frameRate: { capacity: 20, ratePerSecond: 10 },
      },
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await t.close();
  });

  it("answers hello with welcome and a snapshot of what the agent may see", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(request());

    const adaStream = await connect();
    adaStream.hello(ada.token);
    const welcome = await adaStream.waitFor<WelcomeFrame>(
      (frame) => frame.type === "welcome",
    );
    expect(welcome).toMatchObject({
      agent: { id: "agent-ada" },
      vendor: "mock",
      resumed: false,
      heartbeatSeconds: 1,
    });
    expect(welcome.capabilities.modes).toContain("agent-first");
    const snapshot = await adaStream.waitFor<SnapshotFrame>(
      (frame) => frame.type === "snapshot",
    );
    expect(snapshot.interactions.map((interaction) => interaction.id)).toEqual([
      callback.interactionId,
    ]);
    expect(snapshot.queues).toHaveLength(DEMO_QUEUES.length);
    expect(snapshot.seq).toBe(welcome.headSeq);

    const graceStream = await connect();
    graceStream.hello(grace.token);
    expect(
      (
        await graceStream.waitFor<SnapshotFrame>(
          (frame) => frame.type === "snapshot",
        )
      ).interactions,
    ).toEqual([]);
  });

  it("lists in an agent's snapshot the agents of their queues only, and in a supervisor's every agent", async () => {
    await t.gateway.services.store.saveAgent({
      id: "agent-outsider",
      displayName: "Other Team",
      role: "agent",
      queueIds: ["queue-of-another-team"],
    });
    const snapshotOf = async (agentId: string) => {
      const { token } = await t.signIn(agentId);
      const stream = await connect();
      stream.hello(token);
      return stream.waitFor<SnapshotFrame>((frame) => frame.type === "snapshot");
    };
    const ids = (snapshot: SnapshotFrame) => snapshot.agents.map((agent) => agent.id);
    expect(ids(await snapshotOf("agent-ada"))).not.toContain("agent-outsider");
    expect(ids(await snapshotOf("agent-ada"))).toEqual(expect.arrayContaining(["agent-ada", "agent-grace", "supervisor-sam"]));
    expect(ids(await snapshotOf("supervisor-sam"))).toContain("agent-outsider");
  });

  it("answers agents' hellos from memory: no read of every agent per connecting agent", async () => {
    const listAgents = jest.spyOn(t.gateway.store, "listAgents");
    for (const agentId of ["agent-ada", "agent-grace", "agent-ada"]) {
      const { token } = await t.signIn(agentId);
      const stream = await connect();
      stream.hello(token);
      const snapshot = await stream.waitFor<SnapshotFrame>((frame) => frame.type === "snapshot");
      expect(snapshot.agents.map((agent) => agent.id)).toContain("agent-grace");
    }
    // Sign-in reads one agent; the hub's directory was read at most once, before or with the first hello.
    expect(listAgents.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it("streams events with the interaction view to the agent concerned only; presence to everyone", async () => {
    const ada = await t.signIn("agent-ada");
    const grace = await t.signIn("agent-grace");
    const adaStream = await connect();
    const graceStream = await connect();
    adaStream.hello(ada.token);
    graceStream.hello(grace.token);
    await adaStream.waitFor((frame) => frame.type === "snapshot");
    await graceStream.waitFor((frame) => frame.type === "snapshot");

    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(request());
    const offered = await adaStream.waitFor<EventFrame>(
      (frame) => isEvent(frame) && frame.event.type === "interaction.offered",
    );
    expect(offered.interaction).toMatchObject({
      id: callback.interactionId,
      state: "offered",
      agentId: "agent-ada",
      seq: offered.event.seq,
    });

    const presence = await graceStream.waitFor<EventFrame>(
      (frame) =>
        isEvent(frame) && frame.event.type === "agent.presence-changed",
    );
    expect(presence.agent).toMatchObject({
      id: "agent-ada",
      presence: "available",
    });
    expect(
      graceStream.frames
        .filter(isEvent)
        .every((frame) => frame.event.type === "agent.presence-changed"),
    ).toBe(true);
    expect(eventSeqs(adaStream)).toEqual(
      [...eventSeqs(adaStream)].sort((a, b) => a - b),
    );
  });

  it("answers command frames with command.result, with the same checks as REST", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const { callback } = await t.anonymous.createCallback(request());
    const stream = await connect();
    stream.hello(ada.token);
    await stream.waitFor((frame) => frame.type === "snapshot");

    stream.send({
      type: "command",
      id: "c1",
      command: { type: "hold", interactionId: callback.interactionId },
    });
    expect(
      await stream.waitFor(
        (frame) => frame.type === "command.result" && frame.id === "c1",
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid_transition" },
    });
    stream.send({
      type: "command",
      id: "c2",
      command: { type: "accept", interactionId: callback.interactionId },
    });
    expect(
      await stream.waitFor(
        (frame) => frame.type === "command.result" && frame.id === "c2",
      ),
    ).toMatchObject({
      ok: true,
      interaction: { state: "previewing" },
    });
    stream.send({
      type: "command",
      id: "c3",
      command: { type: "teleport", interactionId: callback.interactionId },
    });
    expect(
      await stream.waitFor(
        (frame) => frame.type === "command.result" && frame.id === "c3",
      ),
    ).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    stream.send({ type: "ping", at: 7 });
    expect(await stream.waitFor((frame) => frame.type === "pong")).toEqual({
      type: "pong",
      at: 7,
    });
  });

  it("closes with 4401 without a hello within 10 s, or with a bad token", async () => {
    const silent = await connect();
    t.timerClock.advance(10_000);
    expect((await silent.waitForClose()).code).toBe(4401);

    const forged = await connect();
    forged.hello("not-a-token");
    expect(
      await forged.waitFor((frame) => frame.type === "error"),
    ).toMatchObject({ error: { code: "unauthorized" } });
    expect((await forged.waitForClose()).code).toBe(4401);
  });

  it("refuses another protocol major version", async () => {
    const ada = await t.signIn("agent-ada");
    const stream = await connect();
    stream.send({ type: "hello", token: ada.token, protocolVersion: "2.0.0" });
    expect(
      await stream.waitFor((frame) => frame.type === "error"),
    ).toMatchObject({ error: { code: "protocol_version_unsupported" } });
    expect((await stream.waitForClose()).code).toBe(4400);
  });

  it("resumes after a dropped connection with every missed event once, in order", async () => {
    const supervisor = await t.signIn("supervisor-sam");
    const ada = await t.signIn("agent-ada");
    const steady = await connect();
    steady.hello(supervisor.token);
    await steady.waitFor((frame) => frame.type === "snapshot");
    const dropping = await connect();
    dropping.hello(supervisor.token);
    await dropping.waitFor((frame) => frame.type === "snapshot");

    await ada.setPresence("agent-ada", "available");
    await t.anonymous.createCallback(request());
    const seen = await dropping.waitFor<EventFrame>(
      (frame) => isEvent(frame) && frame.event.type === "interaction.offered",
    );
    const lastSeen = seen.event.seq;
    const before = eventSeqs(dropping).filter((seq) => seq <= lastSeen);
    dropping.socket.terminate();

    await Promise.all([
      t.anonymous.createCallback(request()),
      t.anonymous.createCallback(request("callbacks-cf")),
    ]);
    const resumed = await connect();
    resumed.hello(supervisor.token, lastSeen);
    // Events keep flowing while the replay runs: none may be lost or doubled at the seam.
    const during = Promise.all([
      t.anonymous.createCallback(request()),
      ada.setPresence("agent-ada", "away"),
    ]);
    expect(
      await resumed.waitFor<WelcomeFrame>((frame) => frame.type === "welcome"),
    ).toMatchObject({ resumed: true });
    await during;
    const head = t.gateway.store.headSeq();
    await steady.waitFor((frame) => isEvent(frame) && frame.event.seq === head);
    await resumed.waitFor(
      (frame) => isEvent(frame) && frame.event.seq === head,
    );

    expect(resumed.frames.some((frame) => frame.type === "snapshot")).toBe(
      false,
    );
    const steadySeqs = eventSeqs(steady);
    expect([...before, ...eventSeqs(resumed)]).toEqual(steadySeqs);
    expect(steadySeqs).toEqual(
      Array.from(
        { length: steadySeqs.length },
        (_, index) => (steadySeqs[0] ?? 0) + index,
      ),
    );
  });

  it("pings every heartbeat and closes a socket silent for three heartbeats", async () => {
    const ada = await t.signIn("agent-ada");
    const stream = await connect();
    stream.hello(ada.token);
    await stream.waitFor((frame) => frame.type === "snapshot");
    t.timerClock.advance(1000);
    await stream.waitFor((frame) => frame.type === "ping");
    t.timerClock.advance(1000);
    t.timerClock.advance(1000);
    t.timerClock.advance(1000);
    expect((await stream.waitForClose()).code).toBe(1006);
  });

  it("closes with 4429 when a client sends too many frames", async () => {
    const ada = await t.signIn("agent-ada");
    const stream = await connect();
    stream.hello(ada.token);
    await stream.waitFor((frame) => frame.type === "snapshot");
    for (let index = 0; index < 30; index++) stream.send({ type: "ping" });
    expect((await stream.waitForClose()).code).toBe(4429);
  });

  it("sends supervisors queue.stats about once a second while events flow", async () => {
    const supervisor = await t.signIn("supervisor-sam");
    const stream = await connect();
    stream.hello(supervisor.token);
    await stream.waitFor((frame) => frame.type === "snapshot");
    await t.anonymous.createCallback(request());
    await t.anonymous.createCallback(request());
    expect(stream.frames.some((frame) => frame.type === "queue.stats")).toBe(
      false,
    );
    t.timerClock.advance(0);
    const stats = await stream.waitFor((frame) => frame.type === "queue.stats");
    expect(stats).toMatchObject({
      stats: expect.arrayContaining([
        expect.objectContaining({ queueId: "callbacks-af", depth: 2 }),
      ]),
    });
    const count = stream.frames.filter(
      (frame) => frame.type === "queue.stats",
    ).length;
    await t.anonymous.createCallback(request());
    t.timerClock.advance(999);
    expect(
      stream.frames.filter((frame) => frame.type === "queue.stats"),
    ).toHaveLength(count);
    t.timerClock.advance(1);
    await stream.waitFor(
      (frame) =>
        frame.type === "queue.stats" &&
        frame.stats.some((entry) => entry.depth === 3),
    );
  });
});
