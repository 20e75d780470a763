import { exampleCustomer } from "@icc/protocol";
import { amazonConnectFaultSandbox, genesysFaultSandbox, type VendorFaultSandbox } from "./reliability/vendor-fault-sandboxes";
import { rawHttp } from "./reliability/raw-http";
import { startTestGateway, TEST_START } from "./test-gateway";

const tuesday = new Date(Date.parse(TEST_START) + 24 * 3600_000).toISOString();

/** Issue 16: a vendor that cannot route a callback to one agent says so, and ICC refuses to pretend. */
describe.each<[string, () => VendorFaultSandbox]>([
  ["Genesys", genesysFaultSandbox],
  ["Amazon Connect", amazonConnectFaultSandbox],
])("%s: callbacks kept for an agent", (_vendor, sandboxOf) => {
  it("declares keptCallbacks false with its reason, and refuses to keep a callback on intake and on reschedule (422 at assignedAgentId), changing nothing", async () => {
    const sandbox = sandboxOf();
    const t = await startTestGateway({ adapter: sandbox.adapter, telephony: sandbox.telephony });
    try {
      const ada = await t.signIn("agent-ada");
      const { capabilities } = await ada.getVendor();
      expect(capabilities.keptCallbacks).toBe(false);
      const reason = capabilities.reasons?.keptCallbacks;
      expect(reason).toEqual(expect.any(String));

      const body = {
        queueId: "callbacks-af",
        customer: exampleCustomer(),
        reason: { code: "billing-issue" },
        shortDescription: "Call me back Tuesday",
        schedule: { type: "scheduled", start: tuesday },
      };
      const post = (json: unknown, path = "/v1/callbacks") =>
        rawHttp(t.url, {
          method: "POST",
          path,
          headers: { authorization: `Bearer ${ada.token}`, "content-type": "application/json" },
          body: JSON.stringify(json),
        });
      expect(await post({ ...body, assignedAgentId: "agent-ada" })).toMatchObject({
        status: 422,
        json: { code: "capability_unsupported", issues: [{ path: ["assignedAgentId"], message: reason }] },
      });
      expect((await ada.listCallbacks({ view: "upcoming" })).items).toEqual([]);

      const { callback } = await ada.createCallback(body as Parameters<typeof ada.createCallback>[0]);
      const sam = await t.signIn("supervisor-sam");
      const keep = await rawHttp(t.url, {
        method: "POST",
        path: `/v1/callbacks/${callback.id}/reschedule`,
        headers: { authorization: `Bearer ${sam.token}`, "content-type": "application/json" },
        body: JSON.stringify({ start: new Date(Date.parse(tuesday) + 3600_000).toISOString(), assignedAgentId: "agent-ada" }),
      });
      expect(keep).toMatchObject({ status: 422, json: { code: "capability_unsupported" } });
      const unchanged = await sam.getCallback(callback.id);
      expect(unchanged.assignedAgentId).toBeUndefined();
      expect(unchanged.schedule).toEqual({ type: "scheduled", start: tuesday });
    } finally {
      await t.close();
    }
  });
});
