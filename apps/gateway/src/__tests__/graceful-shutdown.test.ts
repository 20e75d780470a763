import { request as httpRequest, Agent } from "node:http";
import { createMockAdapter } from "@icc/adapter-mock";
import { exampleCustomer } from "@icc/protocol";
import { openStream } from "./stream-client";
import { startTestGateway } from "./test-gateway";

function post(
  url: string,
  agent: Agent,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(
      `${url}/v1/callbacks`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json" },
      },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(text) as unknown,
          }),
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(JSON.stringify(body));
  });
}

describe("graceful shutdown", () => {
  it("lets in-flight requests finish, answers new intake with 503 shutting_down and closes sockets with 4001", async () => {
    const mock = createMockAdapter();
    let releaseGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (releaseGate = resolve));
    let entered: () => void = () => undefined;
    const adapterEntered = new Promise<void>((resolve) => (entered = resolve));
    const adapter = {
      ...mock,
      async requestCallback(...args: Parameters<typeof mock.requestCallback>) {
        entered();
        await gate;
        return mock.requestCallback(...args);
      },
    };
    const t = await startTestGateway({ adapter });
    const ada = await t.signIn("agent-ada");
    const stream = await openStream(t.url);
    stream.hello(ada.token);
    await stream.waitFor((frame) => frame.type === "snapshot");

    const agent = new Agent({ keepAlive: false });
    const body = {
      queueId: "callbacks-af",
      customer: exampleCustomer(),
      reason: { code: "other-issue" },
      shortDescription: "In flight",
    };
    const inFlight = post(t.url, agent, body);
    await adapterEntered;
    const closing = t.close();
    expect((await stream.waitForClose()).code).toBe(4001);
    expect(await post(t.url, agent, body)).toEqual({
      status: 503,
      body: expect.objectContaining({ code: "shutting_down" }),
    });
    expect((await fetch(`${t.url}/readyz`)).status).toBe(503);

    releaseGate();
    expect((await inFlight).status).toBe(201);
    await closing;
    await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
  });
});
