import { createMockAdapter } from "@icc/adapter-mock";
import type { QueueConfig } from "@icc/protocol";
import { rawHttp } from "./reliability/raw-http";
import { startTestGateway } from "./test-gateway";

describe("GET /v1/queues with the settings the vendor decides (issue 14: Genesys CallbackMediaSettings)", () => {
  it("shows a queue with the adapter's queue settings over the configured ones, and others as configured", async () => {
    const mock = createMockAdapter();
    const adapter = {
      ...mock,
      queueSettings: (queueId: string) =>
        queueId === "callbacks-cf"
          ? {
              pacing: 2.5,
              answerDetection: {
                liveVoice: "transfer-to-queue" as const,
                answeringMachine: "hang-up" as const,
              },
            }
          : undefined,
    };
    const t = await startTestGateway({ adapter });
    try {
      const ada = await t.signIn("agent-ada");
      const answer = await rawHttp(t.url, {
        method: "GET",
        path: "/v1/queues",
        headers: { authorization: `Bearer ${ada.token}` },
      });
      const queues = (answer.json as { items: QueueConfig[] }).items;
      const byId = (id: string) => queues.find((queue) => queue.id === id);
      expect(byId("callbacks-cf")).toMatchObject({
        pacing: 2.5,
        answerDetection: {
          liveVoice: "transfer-to-queue",
          answeringMachine: "hang-up",
        },
      });
      expect(byId("callbacks-af")?.answerDetection).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
