import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInMemoryEventStore, IccError } from "@icc/core";
import { createSqliteEventStore } from "@icc/store-sqlite";
import { signIccWebhook as signWebhook } from "@icc/adapter-kit";
import { createPushVendorAdapter } from "./push-vendor-adapter";
import {
  rawRequest,
  startTestGateway,
  TEST_WEBHOOK_SECRET,
  type TestGateway,
} from "./test-gateway";

interface Delivery {
  body?: string;
  timestamp?: number;
  signature?: string;
  deliveryId?: string;
  vendor?: string;
}

/** POSTs a delivery signed with the test secret, stamped with the gateway's transport time unless told. */
function postDelivery(t: TestGateway, options: Delivery = {}) {
  const body =
    options.body ??
    JSON.stringify({
      kind: "presence",
      agent: "agent-ada",
      status: "available",
    });
  const timestamp = options.timestamp ?? Math.floor(t.timerClock.now() / 1000);
  return rawRequest(`${t.url}/v1/vendors/${options.vendor ?? "pushy"}/events`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-icc-timestamp": String(timestamp),
      "x-icc-signature":
        options.signature ?? signWebhook(TEST_WEBHOOK_SECRET, timestamp, body),
      "x-icc-delivery-id": options.deliveryId ?? "delivery-1",
    },
    body,
  });
}

describe("vendor webhooks", () => {
  let t: TestGateway;
  let adapter: ReturnType<typeof createPushVendorAdapter>;
  beforeEach(async () => {
    adapter = createPushVendorAdapter();
    t = await startTestGateway({ adapter });
  });
  afterEach(async () => {
    await t.close();
  });

  const deliver = (options: Delivery = {}) => postDelivery(t, options);

  it("verifies the signature, hands the raw body to the adapter and stores its events", async () => {
    // Whitespace matters: the signature covers the raw bytes, not re-serialized JSON.
    const body =
      '{ "kind": "presence",  "agent": "agent-ada", "status": "available" }';
    expect(await deliver({ body })).toMatchObject({
      status: 200,
      body: { events: 1 },
    });
    expect(adapter.deliveries).toEqual([body]);
    const ada = await t.signIn("agent-ada");
    expect((await ada.me()).presence).toBe("available");
  });

  it("refuses a bad signature with 401 invalid_signature", async () => {
    const answer = await deliver({ signature: "v1=" + "0".repeat(64) });
    expect(answer).toMatchObject({
      status: 401,
      body: { code: "invalid_signature" },
    });
    const tampered = await deliver({
      signature: signWebhook(
        TEST_WEBHOOK_SECRET,
        Math.floor(t.timerClock.now() / 1000),
        "{}",
      ),
    });
    expect(tampered).toMatchObject({
      status: 401,
      body: { code: "invalid_signature" },
    });
    expect(adapter.deliveries).toEqual([]);
  });

  it("refuses a timestamp more than five minutes old with 401 stale_signature", async () => {
    const stale = Math.floor(t.timerClock.now() / 1000) - 301;
    expect(await deliver({ timestamp: stale })).toMatchObject({
      status: 401,
      body: { code: "stale_signature" },
    });
    const edge = Math.floor(t.timerClock.now() / 1000) - 299;
    expect((await deliver({ timestamp: edge })).status).toBe(200);
  });

  it("refuses a replayed delivery id with 409 replayed_event", async () => {
    expect((await deliver()).status).toBe(200);
    expect(await deliver()).toMatchObject({
      status: 409,
      body: { code: "replayed_event" },
    });
    expect(adapter.deliveries).toHaveLength(1);
  });

  it("accepts a retry of a delivery the adapter failed to process", async () => {
    expect(
      (await deliver({ body: '{"kind":"unknown"}', deliveryId: "d-9" })).status,
    ).toBe(400);
    expect((await deliver({ deliveryId: "d-9" })).status).toBe(200);
  });

  it("is 404 for a vendor that is not the configured one", async () => {
    expect(await deliver({ vendor: "genesys" })).toMatchObject({
      status: 404,
      body: { code: "not_found" },
    });
  });
});

describe("vendor webhooks across a gateway restart (SQLite store)", () => {
  let storeDir: string;
  beforeEach(() => {
    storeDir = mkdtempSync(join(tmpdir(), "icc-webhook-restart-"));
  });
  afterEach(() => rmSync(storeDir, { recursive: true, force: true }));

  /** Runs `use` against a new gateway (and push vendor) on the same store directory, then closes it. */
  const withGateway = async (
    use: (
      t: TestGateway,
      adapter: ReturnType<typeof createPushVendorAdapter>,
    ) => Promise<void>,
  ) => {
    const adapter = createPushVendorAdapter();
    const t = await startTestGateway({
      adapter,
      store: createSqliteEventStore({ dataDir: storeDir }),
    });
    try {
      await use(t, adapter);
    } finally {
      await t.close();
    }
  };

  it("refuses a delivery replayed within the tolerance after a restart with 409 replayed_event", async () => {
    let timestamp = 0;
    await withGateway(async (t) => {
      timestamp = Math.floor(t.timerClock.now() / 1000);
      expect(
        await postDelivery(t, { timestamp, deliveryId: "d-restart" }),
      ).toMatchObject({ status: 200, body: { events: 1 } });
    });
    await withGateway(async (t, adapter) => {
      t.timerClock.advance(4 * 60_000);
      expect(
        await postDelivery(t, { timestamp, deliveryId: "d-restart" }),
      ).toMatchObject({ status: 409, body: { code: "replayed_event" } });
      expect(adapter.deliveries).toEqual([]);
    });
  });

  it("accepts after a restart the retry of a delivery the adapter failed on", async () => {
    await withGateway(async (t) => {
      expect(
        (
          await postDelivery(t, {
            body: '{"kind":"unknown"}',
            deliveryId: "d-failed",
          })
        ).status,
      ).toBe(400);
    });
    await withGateway(async (t) => {
      expect((await postDelivery(t, { deliveryId: "d-failed" })).status).toBe(
        200,
      );
    });
  });
});

describe("vendor webhooks when the delivery cannot be recorded", () => {
  it("answers 503 storage_unavailable and accepts the retry of the same delivery", async () => {
    const store = createInMemoryEventStore();
    let refusals = 1;
    const t = await startTestGateway({
      adapter: createPushVendorAdapter(),
      store: {
        ...store,
        async recordWebhookDelivery(delivery, nowMs) {
          if (refusals-- > 0)
            throw new IccError("storage_unavailable", "disk full (test)");
          return store.recordWebhookDelivery(delivery, nowMs);
        },
      },
    });
    try {
      expect(await postDelivery(t)).toMatchObject({
        status: 503,
        body: { code: "storage_unavailable" },
      });
      // The adapter had applied it before the refusal: the retry changes nothing, and is now recorded.
      expect(await postDelivery(t)).toMatchObject({
        status: 200,
        body: { events: 0 },
      });
      expect(await postDelivery(t)).toMatchObject({
        status: 409,
        body: { code: "replayed_event" },
      });
    } finally {
      await t.close();
    }
  });
});

describe("vendor webhooks with a vendor that does not push", () => {
  it("is 404 when the configured adapter has no ingest", async () => {
    const t = await startTestGateway();
    try {
      const answer = await rawRequest(`${t.url}/v1/vendors/mock/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(answer).toMatchObject({
        status: 404,
        body: { code: "not_found" },
      });
    } finally {
      await t.close();
    }
  });
});
