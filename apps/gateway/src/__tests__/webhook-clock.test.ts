import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signIccWebhook } from "@icc/adapter-kit";
import { exampleCustomer } from "@icc/protocol";
import { spawnGateway, type GatewayProcess } from "./gateway-process";
import { rawHttp } from "./reliability/raw-http";

jest.setTimeout(90_000);

const WEBHOOK_SECRET = "webhook-secret-for-the-clock-test-0123456789";
const FAKE_START = "2026-03-10T09:00:00Z";

/**
 * Under ICC_FAKE_CLOCK the domain time is far from the real one; webhook signatures are about
 * transport, so the gateway and the adapter both judge freshness by the real clock.
 */
describe("webhook freshness under ICC_FAKE_CLOCK (amazon-connect sandbox)", () => {
  let gateway: GatewayProcess;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "icc-webhook-clock-"));
    gateway = await spawnGateway({
      ICC_DATA_DIR: dataDir,
      ICC_JWT_SECRET: "jwt-secret-for-the-webhook-clock-test-0123",
      ICC_VENDOR: "amazon-connect",
      ICC_FAKE_CLOCK: FAKE_START,
      ICC_WEBHOOK_SECRET: WEBHOOK_SECRET,
    });
  });
  afterAll(async () => {
    gateway.child.kill("SIGTERM");
    await gateway.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const deliver = (timestampSeconds: number, deliveryId: string) => {
    const body = JSON.stringify({
      version: "0",
      id: deliveryId,
      "detail-type": "Amazon Connect Contact Event",
      source: "aws.connect",
      time: new Date().toISOString(),
      detail: {},
    });
    return rawHttp(gateway.url, {
      method: "POST",
      path: "/v1/vendors/amazon-connect/events",
      headers: {
        "content-type": "application/json",
        "x-icc-timestamp": String(timestampSeconds),
        "x-icc-signature": signIccWebhook(
          WEBHOOK_SECRET,
          timestampSeconds,
          body,
        ),
        "x-icc-delivery-id": deliveryId,
      },
      body,
    });
  };

  it("accepts a delivery signed now (real time), and refuses one signed at the fake domain time as stale, with one message", async () => {
    const accepted = await deliver(
      Math.floor(Date.now() / 1000),
      "d-real-time",
    );
    expect({ status: accepted.status, json: accepted.json }).toMatchObject({
      status: 200,
      json: { events: expect.any(Number) },
    });

    const stale = await deliver(
      Math.floor(Date.parse(FAKE_START) / 1000),
      "d-domain-time",
    );
    expect({ status: stale.status, json: stale.json }).toMatchObject({
      status: 401,
      json: {
        code: "stale_signature",
        message: expect.stringContaining("X-ICC-Timestamp"),
      },
    });
  });

  it("still runs the sandbox: the simulator's own deliveries are fresh, so a callback request reaches the queue", async () => {
    const created = await rawHttp(gateway.url, {
      method: "POST",
      path: "/v1/callbacks",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        queueId: "callbacks-af",
        customer: exampleCustomer(),
        reason: { code: "billing-issue" },
        shortDescription: "Fake clock",
      }),
    });
    expect(created.status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(gateway.output()).not.toMatch(
      /stale_signature|a webhook delivery failed/,
    );
  });
});
