import { createAgentStream, type AgentStream } from "@icc/client";
import {
  exampleCustomer,
  type EventFrame,
  type ServerFrame,
} from "@icc/protocol";
import WebSocket from "ws";
import { startTestGateway, type TestGateway } from "./test-gateway";

/** The `ws` WebSocket, remembering every socket so the test can cut the connection under the client. */
function recordingWebSocket() {
  const sockets: WebSocket[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  return { sockets, WebSocket: RecordingWebSocket };
}

function nextFrame(
  stream: AgentStream,
  predicate: (frame: ServerFrame) => boolean,
): Promise<ServerFrame> {
  return new Promise((resolve) => {
    const stop = stream.subscribe((frame) => {
      if (!predicate(frame)) return;
      stop();
      resolve(frame);
    });
  });
}

describe("@icc/client against the gateway", () => {
  let t: TestGateway;
  let stream: AgentStream | undefined;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    stream?.close();
    await t.close();
  });

  it("commands over the stream and resumes after a dropped connection without losing events", async () => {
    const ada = await t.signIn("agent-ada");
    await ada.setPresence("agent-ada", "available");
    const recording = recordingWebSocket();
    const events: number[] = [];
    stream = createAgentStream({
      url: `${t.url.replace(/^http/, "ws")}/v1/agent-stream`,
      getToken: () => ada.token,
      WebSocket: recording.WebSocket,
      reconnect: { initialDelayMs: 1, maxDelayMs: 5 },
      onFrame: (frame) => {
        if (frame.type === "event") events.push(frame.event.seq);
      },
    });
    await nextFrame(stream, (frame) => frame.type === "snapshot");

    const offered = nextFrame(
      stream,
      (frame) =>
        frame.type === "event" && frame.event.type === "interaction.offered",
    );
    const { callback } = await t.anonymous.createCallback({
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "order-issue" },
      shortDescription: "Parcel never arrived",
    });
    expect(((await offered) as EventFrame).interaction?.id).toBe(
      callback.interactionId,
    );
    expect(
      (
        await stream.sendCommand({
          type: "accept",
          interactionId: callback.interactionId,
        })
      ).state,
    ).toBe("previewing");

    recording.sockets[0]?.terminate();
    // Changes while the client is away, replayed on resume.
    await ada.sendCommand(callback.interactionId, { type: "close-callback" });
    const resumed = nextFrame(
      stream,
      (frame) => frame.type === "welcome" && frame.resumed,
    );
    const closed = nextFrame(
      stream,
      (frame) =>
        frame.type === "event" && frame.event.type === "interaction.closed",
    );
    await resumed;
    expect(((await closed) as EventFrame).interaction).toMatchObject({
      state: "closed",
      outcome: "cancelled",
    });
    expect(recording.sockets).toHaveLength(2);
    expect(events).toEqual([...new Set(events)].sort((a, b) => a - b));
  });
});
