import { exampleCustomer, type Callback, type ErrorBody } from "@icc/protocol";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSqliteEventStore } from "@icc/store-sqlite";
import { rawRequest, startTestGateway, until, type TestGateway } from "./test-gateway";

const request = (overrides: Record<string, unknown> = {}) => ({
  queueId: "callbacks-af",
  customer: exampleCustomer(),
  reason: { code: "billing-issue" },
  shortDescription: "Charged twice",
  ...overrides,
});

const postJson = (
  t: TestGateway,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
) =>
  rawRequest(`${t.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("gateway HTTP surface", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway({
      intakeRateLimit: { capacity: 100, ratePerSecond: 1 },
    });
  });
  afterEach(async () => {
    await t.close();
  });

  it("is live and ready once started", async () => {
    expect(
      (await rawRequest(`${t.url}/healthz`, { method: "GET" })).status,
    ).toBe(200);
    expect(
      await rawRequest(`${t.url}/readyz`, { method: "GET" }),
    ).toMatchObject({ status: 200, body: { status: "ready" } });
  });

  it("seeds the demo queues and agents on first start", async () => {
    const ada = await t.signIn("agent-ada");
    expect((await ada.listQueues()).map((queue) => queue.id).sort()).toEqual([
      "callbacks-af",
      "callbacks-auto",
      "callbacks-cf",
      "callbacks-office",
    ]);
    expect(
      (await t.anonymous.listDevAgents()).map((agent) => agent.id),
    ).toEqual(
      expect.arrayContaining([
        "agent-ada",
        "agent-grace",
        "agent-alan",
        "supervisor-sam",
      ]),
    );
    expect(await ada.me()).toMatchObject({
      id: "agent-ada",
      displayName: "Ada Lovelace",
      role: "agent",
    });
    expect((await ada.getVendor()).vendor).toBe("mock");
  });

  it("refuses calls without a valid agent token", async () => {
    const missing = await rawRequest(`${t.url}/v1/me`, { method: "GET" });
    expect(missing).toMatchObject({
      status: 401,
      body: { code: "unauthorized" },
    });
    const forged = await rawRequest(`${t.url}/v1/me`, {
      method: "GET",
      headers: { authorization: "Bearer abc.def.ghi" },
    });
    expect(forged).toMatchObject({
      status: 401,
      body: { code: "unauthorized" },
    });
  });

  it("creates a callback with a gateway-assigned id and CB number", async () => {
    const answer = await postJson(t, "/v1/callbacks", request());
    expect(answer.status).toBe(201);
    const callback = answer.body as Callback;
    expect(callback.number).toMatch(/^CB\d{7}$/);
    expect(callback.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(callback).toMatchObject({
      queueId: "callbacks-af",
      mode: "agent-first",
      state: "pending",
    });
  });

  it("names the queue that does not exist", async () => {
    const answer = await postJson(
      t,
      "/v1/callbacks",
      request({ queueId: "no-such-queue" }),
    );
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({
      code: "not_found",
      message: expect.stringContaining("no-such-queue"),
    });
  });

  it("answers bad bodies with the protocol error body and never a stack trace", async () => {
    const malformed = await postJson(t, "/v1/callbacks", '{"queueId": ');
    expect(malformed).toMatchObject({
      status: 400,
      body: { code: "malformed_json" },
    });

    const oversized = await postJson(
      t,
      "/v1/callbacks",
      request({ description: "x".repeat(70 * 1024) }),
    );
    expect(oversized).toMatchObject({
      status: 413,
      body: { code: "payload_too_large" },
    });

    const wrongType = await rawRequest(`${t.url}/v1/callbacks`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hello",
    });
    expect(wrongType).toMatchObject({
      status: 415,
      body: { code: "unsupported_media_type" },
    });

    const invalid = await postJson(
      t,
      "/v1/callbacks",
      request({ customer: { ...exampleCustomer(), phoneNumbers: [42] } }),
    );
    expect(invalid.status).toBe(400);
    const body = invalid.body as ErrorBody;
    expect(body.code).toBe("validation_failed");
    expect(body.issues?.map((issue) => issue.path)).toContainEqual([
      "customer",
      "phoneNumbers",
      0,
    ]);
    for (const answer of [malformed, oversized, wrongType, invalid])
      expect(answer.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it("rejects an unknown command type with a validation error", async () => {
    const ada = await t.signIn("agent-ada");
    const answer = await rawRequest(
      `${t.url}/v1/interactions/some-id/commands`,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          authorization: `Bearer ${ada.token}`,
        },
        body: JSON.stringify({ type: "teleport" }),
      },
    );
    expect(answer).toMatchObject({
      status: 400,
      body: { code: "validation_failed" },
    });
  });

  it("answers unknown routes with not_found", async () => {
    expect(
      await rawRequest(`${t.url}/v1/nothing-here`, { method: "GET" }),
    ).toMatchObject({ status: 404, body: { code: "not_found" } });
  });

  it("serves an OpenAPI document covering every route of docs/api.md", async () => {
    const answer = await rawRequest(`${t.url}/v1/openapi.json`, {
      method: "GET",
    });
    const document = answer.body as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        "/v1/auth/dev-agents",
        "/v1/auth/dev-token",
        "/v1/me",
        "/v1/callbacks",
        "/v1/callbacks/{idOrNumber}",
        "/v1/callbacks/{id}",
        "/v1/callbacks/{id}/cancel",
        "/v1/callbacks/{id}/reschedule",
        "/v1/callbacks/{id}/position",
        "/v1/queues",
        "/v1/queues/stats",
        "/v1/queues/{id}",
        "/v1/queues/{id}/versions",
        "/v1/queues/{id}/versions/{version}",
        "/v1/agents",
        "/v1/agents/{id}/presence",
        "/v1/vendor",
        "/v1/interactions",
        "/v1/interactions/{id}",
        "/v1/interactions/{id}/commands",
        "/v1/vendors/{vendor}/events",
        "/healthz",
        "/readyz",
        "/metrics",
        "/v1/dev/telephony/numbers/{e164}",
        "/v1/dev/clock/advance",
      ]),
    );
    expect(document.components.schemas).toHaveProperty("ErrorBody");
    expect(document.components.schemas).toHaveProperty("CreateCallbackRequest");
  });

  it("exposes Prometheus metrics", async () => {
    await postJson(t, "/v1/callbacks", request());
    const answer = await rawRequest(`${t.url}/metrics`, { method: "GET" });
    expect(answer.status).toBe(200);
    expect(answer.text).toContain('icc_queue_depth{queue="callbacks-af"} 1');
    expect(answer.text).toMatch(
      /icc_http_request_duration_seconds_count\{method="POST",route="\/v1\/callbacks",status="201"\} 1/,
    );
    expect(answer.text).toContain("icc_ws_connections 0");
  });
});

describe("gateway metrics on the SQLite store", () => {
  it("exposes how long the log's syncs take, the disk's share of every acknowledgement, and the log file's size", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icc-metrics-"));
    const store = createSqliteEventStore({ dataDir });
    const t = await startTestGateway({ store });
    try {
      expect((await postJson(t, "/v1/callbacks", request())).status).toBe(201);
      const answer = await rawRequest(`${t.url}/metrics`, { method: "GET" });
      const count = /icc_store_log_sync_seconds_count (\d+)/.exec(answer.text)?.[1];
      expect(Number(count)).toBeGreaterThanOrEqual(1);
      expect(Number(count)).toBe(store.stats().syncs);
      const logBytes = /icc_store_log_bytes (\d+)/.exec(answer.text)?.[1];
      expect(Number(logBytes)).toBeGreaterThan(0);
      // Later writes (timers) may only lengthen the log in a test this short.
      expect(Number(logBytes)).toBeLessThanOrEqual(store.logFileBytes());
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("counts the store's commits, checkpoints and log restarts as the store does", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "icc-metrics-"));
    // A log restarted from its first frame on, so a request or two are enough to see a restart.
    const store = createSqliteEventStore({ dataDir, logRestartFrames: 1 });
    const t = await startTestGateway({ store });
    try {
      // Checkpoints are asked for after a sync, at most every 200 ms: requests keep coming until one restarted the log.
      for (let index = 0; store.stats().logRestarts === 0; index++) {
        const customer = exampleCustomer({ phoneNumbers: [`+1415555${3000 + index}`] });
        expect((await postJson(t, "/v1/callbacks", request({ customer }))).status).toBe(201);
        await until(() => store.stats().logRestarts >= 1, 250).catch(() => undefined);
      }
      const text = (await rawRequest(`${t.url}/metrics`, { method: "GET" })).text;
      const total = (name: string) => Number(new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1]);
      const stats = store.stats();
      expect(total("icc_store_log_restarts_total")).toBeGreaterThanOrEqual(1);
      expect(total("icc_store_log_restarts_total")).toBeLessThanOrEqual(stats.logRestarts);
      expect(total("icc_store_checkpoints_total")).toBeGreaterThanOrEqual(2);
      expect(total("icc_store_checkpoints_total")).toBeLessThanOrEqual(stats.checkpoints);
      expect(total("icc_store_commits_total")).toBeGreaterThanOrEqual(1);
      expect(total("icc_store_commits_total")).toBeLessThanOrEqual(stats.commits);
    } finally {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("has no log sync histogram or log size on a store without them", async () => {
    const t = await startTestGateway();
    try {
      const text = (await rawRequest(`${t.url}/metrics`, { method: "GET" })).text;
      expect(text).not.toContain("icc_store_log_sync_seconds");
      expect(text).not.toContain("icc_store_log_bytes");
      expect(text).not.toContain("icc_store_log_restarts_total");
    } finally {
      await t.close();
    }
  });
});

describe("gateway intake rate limit", () => {
  it("answers 429 rate_limited with Retry-After once a client spent its tokens", async () => {
    const t = await startTestGateway({
      intakeRateLimit: { capacity: 2, ratePerSecond: 0.5 },
    });
    try {
      expect((await postJson(t, "/v1/callbacks", request())).status).toBe(201);
      expect((await postJson(t, "/v1/callbacks", request())).status).toBe(201);
      const limited = await postJson(t, "/v1/callbacks", request());
      expect(limited).toMatchObject({
        status: 429,
        body: { code: "rate_limited" },
      });
      expect(limited.headers.get("retry-after")).toBe("2");
      t.timerClock.advance(2000);
      expect((await postJson(t, "/v1/callbacks", request())).status).toBe(201);
    } finally {
      await t.close();
    }
  });
});
