import { exampleCustomer } from "@icc/protocol";
import { genesysFaultSandbox } from "./reliability/vendor-fault-sandboxes";
import { rawHttp } from "./reliability/raw-http";
import { startTestGateway, type TestGateway } from "./test-gateway";

/** Issue 14: a reschedule that moves the callback (another queue, other numbers), where the vendor can. */
describe("POST /v1/callbacks/:id/reschedule with queueId and phoneNumbers", () => {
  const later = (t: TestGateway) =>
    new Date(t.clock.now() + 3_600_000).toISOString();
  const create = (t: TestGateway, queueId: string) =>
    t.anonymous.createCallback({
      queueId,
      customer: exampleCustomer({ phoneNumbers: ["+14155550101"] }),
      reason: { code: "billing-issue" },
      shortDescription: "Move me",
    });
  const reschedule = async (t: TestGateway, id: string, body: unknown) => {
    const sam = await t.signIn("supervisor-sam");
    return rawHttp(t.url, {
      method: "POST",
      path: `/v1/callbacks/${id}/reschedule`,
      headers: {
        authorization: `Bearer ${sam.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(body),
    });
  };

  it("Genesys: the callback moves to the queue and the numbers given", async () => {
    const sandbox = genesysFaultSandbox();
    const t = await startTestGateway({
      adapter: sandbox.adapter,
      telephony: sandbox.telephony,
    });
    try {
      const { callback } = await create(t, "callbacks-af");
      const answer = await reschedule(t, callback.id, {
        start: later(t),
        queueId: "callbacks-auto",
        phoneNumbers: ["+14155550102"],
      });
      expect(answer.status).toBe(200);
      expect(answer.json).toMatchObject({
        queueId: "callbacks-auto",
        customer: { phoneNumbers: ["+14155550102"] },
        schedule: { type: "scheduled" },
      });
      const refused = await reschedule(t, callback.id, {
        start: later(t),
        queueId: "callbacks-cf",
      });
      expect(refused).toMatchObject({
        status: 400,
        json: { code: "validation_failed", issues: [{ path: ["queueId"] }] },
      });
      const unknown = await reschedule(t, callback.id, {
        start: later(t),
        queueId: "callbacks-nowhere",
      });
      expect(unknown).toMatchObject({
        status: 404,
        json: { code: "not_found", issues: [{ path: ["queueId"] }] },
      });
    } finally {
      await t.close();
    }
  });

  it("a vendor without rescheduleMove (the mock) refuses the move and changes nothing", async () => {
    const t = await startTestGateway();
    try {
      const { callback } = await create(t, "callbacks-af");
      const answer = await reschedule(t, callback.id, {
        start: later(t),
        phoneNumbers: ["+14155550102"],
      });
      expect(answer.json).toMatchObject({ code: "capability_unsupported" });
      expect(
        await (await t.signIn("supervisor-sam")).getCallback(callback.id),
      ).toMatchObject({
        queueId: "callbacks-af",
        customer: { phoneNumbers: ["+14155550101"] },
      });
    } finally {
      await t.close();
    }
  });
});
