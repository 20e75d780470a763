import {
  exampleCustomer,
  WS_CLOSE_CODES,
  type ServerFrame,
  type WelcomeFrame,
} from "@icc/protocol";
import { AGENT_TOKEN_TTL_SECONDS } from "../auth/agent-tokens";
import { rawHttp } from "./reliability/raw-http";
import { openStream, type StreamClient } from "./stream-client";
import { startTestGateway, type TestGateway } from "./test-gateway";

const HOUR = 3600_000;

describe("/v1/agent-stream: token expiry", () => {
  let t: TestGateway;
  const clients: StreamClient[] = [];
  const connect = async (token: string, resumeFrom?: number) => {
    const client = await openStream(t.url);
    clients.push(client);
    client.hello(token, resumeFrom);
    return client;
  };
  const me = async (token: string) =>
    (
      await rawHttp(t.url, {
        method: "GET",
        path: "/v1/me",
        headers: { authorization: `Bearer ${token}` },
      })
    ).status;
  beforeEach(async () => {
    // Heartbeats longer than a token's life: advancing the fake clock by hours must not read as silence.
    t = await startTestGateway({ stream: { heartbeatSeconds: 86_400 } });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await t.close();
  });

  it("closes the stream with tokenExpired when its token expires, as REST starts answering 401", async () => {
    const { token } = await t.signIn("agent-ada");
    const stream = await connect(token);
    const welcome = await stream.waitFor<WelcomeFrame>(
      (frame) => frame.type === "welcome",
    );
    expect(welcome.tokenExpiresInSeconds).toBe(AGENT_TOKEN_TTL_SECONDS);

    t.timerClock.advance(AGENT_TOKEN_TTL_SECONDS * 1000 - 1000);
    expect(await me(token)).toBe(200);
    expect(stream.socket.readyState).toBe(stream.socket.OPEN);

    t.timerClock.advance(1000);
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.tokenExpired,
    });
    expect(stream.frames.at(-1)).toMatchObject({
      type: "error",
      error: { code: "unauthorized" },
    });
    expect(await me(token)).toBe(401);
  });

  it("goes on under a fresh token sent as reauth, without losing an event, until that one expires", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const stream = await connect(ada.token);
    await stream.waitFor((frame) => frame.type === "snapshot");

    t.timerClock.advance(11 * HOUR);
    const fresh = (await t.signIn("agent-ada")).token;
    stream.send({ type: "reauth", token: fresh });
    expect(
      await stream.waitFor((frame) => frame.type === "reauthenticated"),
    ).toEqual({
      type: "reauthenticated",
      tokenExpiresInSeconds: AGENT_TOKEN_TTL_SECONDS,
    });

    t.timerClock.advance(2 * HOUR); // past the first token's expiry
    const { callback } = await t.anonymous.createCallback({
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "After reauth",
    });
    await stream.waitFor(
      (frame) =>
        frame.type === "event" &&
        frame.interaction?.id === callback.interactionId &&
        frame.event.type === "interaction.offered",
    );
    expect(stream.socket.readyState).toBe(stream.socket.OPEN);

    t.timerClock.advance(10 * HOUR);
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.tokenExpired,
    });
  });

  it("keeps the stream when a reauth token is invalid, and closes it with forbidden when the token is another agent's", async () => {
    const { token } = await t.signIn("agent-ada");
    const stream = await connect(token);
    await stream.waitFor((frame) => frame.type === "snapshot");
    stream.send({ type: "reauth", token: `${token}x` });
    expect(
      await stream.waitFor((frame: ServerFrame) => frame.type === "error"),
    ).toMatchObject({ error: { code: "unauthorized" } });
    stream.send({ type: "ping", at: 1 });
    await stream.waitFor((frame) => frame.type === "pong");

    stream.send({
      type: "reauth",
      token: (await t.signIn("agent-grace")).token,
    });
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.forbidden,
    });
  });

  it("resumes after a tokenExpired close with a new token, replaying what happened meanwhile", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const first = await connect(ada.token);
    const snapshot = await first.waitFor((frame) => frame.type === "snapshot");
    t.timerClock.advance(AGENT_TOKEN_TTL_SECONDS * 1000);
    await first.waitForClose();
    const { callback } = await t.anonymous.createCallback({
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "While closed",
    });

    const resumed = await connect(
      (await t.signIn("agent-ada")).token,
      snapshot.type === "snapshot" ? snapshot.seq : 0,
    );
    expect(
      await resumed.waitFor((frame) => frame.type === "welcome"),
    ).toMatchObject({ resumed: true });
    await resumed.waitFor(
      (frame) =>
        frame.type === "event" &&
        frame.interaction?.id === callback.interactionId,
    );
  });
});
