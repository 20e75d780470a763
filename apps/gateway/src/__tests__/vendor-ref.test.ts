import {
  exampleCustomer,
  type Callback,
  type CallbackPage,
  type EventFrame,
  type Interaction,
  type InteractionList,
} from "@icc/protocol";
import {
  amazonConnectFaultSandbox,
  genesysFaultSandbox,
} from "./reliability/vendor-fault-sandboxes";
import { rawHttp } from "./reliability/raw-http";
import { openStream } from "./stream-client";
import { startTestGateway, type TestGateway } from "./test-gateway";

describe.each([
  {
    vendor: "genesys",
    sandbox: genesysFaultSandbox,
    what: "Genesys conversation id",
  },
  {
    vendor: "amazon-connect",
    sandbox: amazonConnectFaultSandbox,
    what: "Amazon Connect contact id of the callback task",
  },
])(
  "vendorRef: the vendor's own id in the API and the stream ($vendor)",
  ({ vendor, sandbox: createSandbox, what }) => {
    let t: TestGateway;
    beforeAll(async () => {
      const sandbox = createSandbox();
      t = await startTestGateway({
        adapter: sandbox.adapter,
        telephony: sandbox.telephony,
      });
    });
    afterAll(async () => {
      await t.close();
    });

    it(`shows the ${what} on the callback, its interaction and stream events, and finds both by it`, async () => {
      const sam = await t.signIn("supervisor-sam");
      const stream = await openStream(t.url);
      stream.hello(sam.token);
      await stream.waitFor((frame) => frame.type === "snapshot");
      const { callback } = await t.anonymous.createCallback({
        queueId: "callbacks-af",
        customer: exampleCustomer(),
        reason: { code: "billing-issue" },
        shortDescription: "Vendor id",
      });
      const get = async <T>(path: string) => {
        const answer = await rawHttp(t.url, {
          method: "GET",
          path,
          headers: { authorization: `Bearer ${sam.token}` },
        });
        expect({ path, status: answer.status }).toEqual({ path, status: 200 });
        return answer.json as T;
      };
      try {
        const interaction = await get<Interaction>(
          `/v1/interactions/${callback.interactionId}`,
        );
        expect(interaction.vendor).toBe(vendor);
        expect(interaction.vendorRef).toEqual(expect.any(String));
        const vendorRef = interaction.vendorRef ?? "";
        expect(
          await get<Callback>(`/v1/callbacks/${callback.id}`),
        ).toMatchObject({ vendor, vendorRef });

        const created = await stream.waitFor<EventFrame>(
          (frame) =>
            frame.type === "event" &&
            frame.event.type === "interaction.created" &&
            frame.interaction?.id === callback.interactionId,
        );
        expect(created.interaction).toMatchObject({ vendor, vendorRef });

        const byRef = await get<InteractionList>(
          `/v1/interactions?vendorRef=${encodeURIComponent(vendorRef)}`,
        );
        expect(byRef.items.map((item) => item.id)).toEqual([
          callback.interactionId,
        ]);
        expect(
          (
            await get<CallbackPage>(
              `/v1/callbacks?vendorRef=${encodeURIComponent(vendorRef)}`,
            )
          ).items.map((item) => item.id),
        ).toEqual([callback.id]);
        expect(
          (
            await get<InteractionList>(
              "/v1/interactions?vendorRef=not-a-conversation",
            )
          ).items,
        ).toEqual([]);
      } finally {
        await stream.close();
      }
    });

    it("refuses an empty or oversized vendorRef with the query path", async () => {
      const sam = await t.signIn("supervisor-sam");
      for (const path of [
        "/v1/interactions?vendorRef=",
        `/v1/callbacks?vendorRef=${"x".repeat(257)}`,
      ]) {
        const answer = await rawHttp(t.url, {
          method: "GET",
          path,
          headers: { authorization: `Bearer ${sam.token}` },
        });
        expect({
          path,
          status: answer.status,
          json: answer.json,
        }).toMatchObject({
          path,
          status: 400,
          json: {
            code: "validation_failed",
            issues: [{ path: ["vendorRef"] }],
          },
        });
      }
    });
  },
);
