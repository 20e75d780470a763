import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IccApiError } from "@icc/client";
import { createFakeClock } from "@icc/core";
import { createSqliteEventStore } from "@icc/store-sqlite";
import {
  exampleCustomer,
  exampleQueueConfig,
  type CreateQueueRequestInput,
} from "@icc/protocol";
import { rawHttp } from "./reliability/raw-http";
import { startTestGateway, type TestGateway } from "./test-gateway";

/** An agent-first, manual-dial queue every demo agent may take (the demo agents list their queues; this one routes by membership). */
const billing = (
  overrides: Partial<CreateQueueRequestInput> = {},
): CreateQueueRequestInput => ({
  ...exampleQueueConfig({
    id: "q-api",
    name: "API billing",
    businessHours: { timeZone: "Europe/Paris", weekly: [], closedDates: [] },
  }),
  closingReasons: ["Customer unreachable"],
  ...overrides,
});

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IccApiError))
    throw new Error(`expected an IccApiError, got ${String(error)}`);
  return {
    status: error.status,
    code: error.body.code,
    paths: error.body.issues?.map((issue) => issue.path),
  };
};

describe("queue configuration API", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("lets a supervisor create, read, replace, patch and remove a queue, each change a new version with its ETag", async () => {
    const sam = await t.signIn("supervisor-sam");
    const created = await rawHttp(t.url, {
      method: "POST",
      path: "/v1/queues",
      headers: {
        authorization: `Bearer ${sam.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify(billing()),
    });
    expect(created).toMatchObject({
      status: 201,
      json: { id: "q-api", version: 1 },
    });
    const read = await rawHttp(t.url, {
      method: "GET",
      path: "/v1/queues/q-api",
      headers: { authorization: `Bearer ${sam.token}` },
    });
    expect(read).toMatchObject({
      status: 200,
      json: {
        id: "q-api",
        version: 1,
        businessHours: { timeZone: "Europe/Paris" },
      },
    });

    const { id: _id, ...settings } = exampleQueueConfig({
      name: "API billing (replaced)",
    });
    expect(await sam.replaceQueue("q-api", settings, 1)).toMatchObject({
      name: "API billing (replaced)",
      version: 2,
    });
    expect((await sam.getQueue("q-api")).closingReasons).toBeUndefined();
    expect(
      await sam.updateQueue(
        "q-api",
        { closingReasons: ["Left a voicemail"], offerTimeoutSeconds: 45 },
        2,
      ),
    ).toMatchObject({
      version: 3,
      closingReasons: ["Left a voicemail"],
      offerTimeoutSeconds: 45,
      name: "API billing (replaced)",
    });
    const withoutReasons = await sam.updateQueue(
      "q-api",
      { closingReasons: null },
      3,
    );
    expect(withoutReasons).not.toHaveProperty("closingReasons");
    // What a PATCH does not name keeps its value (no default resets it).
    expect(withoutReasons).toMatchObject({
      offerTimeoutSeconds: 45,
      version: 4,
    });
    expect(
      (await sam.listQueues()).find((queue) => queue.id === "q-api")?.version,
    ).toBe(4);

    const revisions = await sam.listQueueRevisions("q-api");
    expect(
      revisions.map(({ version, changedBy, removed }) => ({
        version,
        changedBy,
        removed,
      })),
    ).toEqual(
      [1, 2, 3, 4].map((version) => ({
        version,
        changedBy: "supervisor-sam",
        removed: false,
      })),
    );
    expect(revisions[0]?.changedAt).toBe("2026-03-10T09:00:00.000Z");
    expect((await sam.getQueueVersion("q-api", 1)).closingReasons).toEqual([
      "Customer unreachable",
    ]);

    await sam.removeQueue("q-api", 4);
    expect(await failureOf(sam.getQueue("q-api"))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    expect((await sam.listQueues()).map((queue) => queue.id)).not.toContain(
      "q-api",
    );
    expect((await sam.getQueueVersion("q-api", 4)).name).toBe(
      "API billing (replaced)",
    );
    expect(
      await failureOf(
        t.anonymous.createCallback({
          queueId: "q-api",
          customer: exampleCustomer(),
          reason: { code: "billing-issue" },
          shortDescription: "Too late",
        }),
      ),
    ).toMatchObject({ status: 404, code: "not_found" });
  });

  it("refuses stale, unconditional and conflicting writes without storing anything", async () => {
    const sam = await t.signIn("supervisor-sam");
    await sam.createQueue(billing());
    await sam.updateQueue("q-api", { name: "First writer" }, 1);
    expect(
      await failureOf(sam.updateQueue("q-api", { name: "Second writer" }, 1)),
    ).toEqual({ status: 412, code: "version_conflict", paths: undefined });
    expect(await failureOf(sam.removeQueue("q-api", 1))).toMatchObject({
      status: 412,
      code: "version_conflict",
    });
    expect(await failureOf(sam.createQueue(billing()))).toMatchObject({
      status: 409,
      code: "already_exists",
    });
    const unconditional = await rawHttp(t.url, {
      method: "PATCH",
      path: "/v1/queues/q-api",
      headers: {
        authorization: `Bearer ${sam.token}`,
        "content-type": "application/json",
      },
      body: JSON.stringify({ name: "No If-Match" }),
    });
    expect(unconditional).toMatchObject({
      status: 428,
      json: { code: "precondition_required" },
    });
    const unreadable = await rawHttp(t.url, {
      method: "PATCH",
      path: "/v1/queues/q-api",
      headers: {
        authorization: `Bearer ${sam.token}`,
        "content-type": "application/json",
        "if-match": "*",
      },
      body: JSON.stringify({ name: "Star" }),
    });
    expect(unreadable).toMatchObject({
      status: 400,
      json: {
        code: "validation_failed",
        issues: [{ path: ["headers", "if-match"] }],
      },
    });
    expect(await sam.getQueue("q-api")).toMatchObject({
      name: "First writer",
      version: 2,
    });

    // Two supervisors racing on the same version: exactly one wins.
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        sam.updateQueue("q-api", { name: `Racer ${n}` }, 2),
      ),
    );
    expect(
      outcomes.filter((outcome) => outcome.status === "fulfilled"),
    ).toHaveLength(1);
    expect(
      (await sam.listQueueRevisions("q-api")).map(
        (revision) => revision.version,
      ),
    ).toEqual([1, 2, 3]);
  });

  it.each([
    [
      "close before open",
      {
        businessHours: {
          timeZone: "America/New_York",
          weekly: [{ weekday: 1, open: "18:00", close: "08:00" }],
        },
      },
      ["businessHours", "weekly", 0, "close"],
    ],
    [
      "an unknown time zone",
      { businessHours: { timeZone: "Mars/Olympus" } },
      ["businessHours", "timeZone"],
    ],
    [
      "a retry policy of 0 attempts",
      { retryPolicy: { maxAttempts: 0, minIntervalSeconds: 60 } },
      ["retryPolicy", "maxAttempts"],
    ],
    ["an unknown routing mode", { defaultMode: "predictive" }, ["defaultMode"]],
    [
      "an empty closing reason",
      { closingReasons: [" "] },
      ["closingReasons", 0],
    ],
    ["a field the API does not know", { priority: 5 }, []],
    ["a version chosen by the client", { version: 7 }, []],
    ['the reserved id "stats"', { id: "stats" }, ["id"]],
  ])(
    "refuses a queue with %s: 400 with the zod issue path",
    async (_why, overrides, path) => {
      const sam = await t.signIn("supervisor-sam");
      const answer = await rawHttp(t.url, {
        method: "POST",
        path: "/v1/queues",
        headers: {
          authorization: `Bearer ${sam.token}`,
          "content-type": "application/json",
        },
        body: JSON.stringify({ ...billing(), ...overrides }),
      });
      expect(answer).toMatchObject({
        status: 400,
        json: { code: "validation_failed", issues: [{ path }] },
      });
      expect((await sam.listQueues()).map((queue) => queue.id)).not.toContain(
        "q-api",
      );
    },
  );

  it("refuses a PATCH that names nothing or an invalid field, and a removal while callbacks are open", async () => {
    const sam = await t.signIn("supervisor-sam");
    await sam.createQueue(billing());
    expect(await failureOf(sam.updateQueue("q-api", {}, 1))).toMatchObject({
      status: 400,
      code: "validation_failed",
      paths: [[]],
    });
    expect(
      await failureOf(sam.updateQueue("q-api", { pacing: 99 }, 1)),
    ).toMatchObject({
      status: 400,
      code: "validation_failed",
      paths: [["pacing"]],
    });
    await t.anonymous.createCallback({
      queueId: "q-api",
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "Keeps the queue busy",
    });
    expect(await failureOf(sam.removeQueue("q-api", 1))).toMatchObject({
      status: 409,
      code: "queue_in_use",
    });
    expect(await failureOf(sam.getQueueVersion("q-api", 9))).toMatchObject({
      status: 404,
      code: "not_found",
    });
    const notAVersion = await rawHttp(t.url, {
      method: "GET",
      path: "/v1/queues/q-api/versions/latest",
      headers: { authorization: `Bearer ${sam.token}` },
    });
    expect(notAVersion).toMatchObject({
      status: 400,
      json: { code: "validation_failed", issues: [{ path: ["version"] }] },
    });
    expect(
      await failureOf(sam.updateQueue("q-missing", { name: "Nobody" }, 1)),
    ).toMatchObject({ status: 404, code: "not_found" });
  });

  it("lets agents read queue configuration but not change it", async () => {
    const sam = await t.signIn("supervisor-sam");
    const ada = await t.signIn("agent-ada");
    await sam.createQueue(billing());
    expect((await ada.getQueue("q-api")).version).toBe(1);
    expect(await ada.listQueueRevisions("q-api")).toHaveLength(1);
    expect(
      await failureOf(ada.createQueue(billing({ id: "q-ada" }))),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(
      await failureOf(ada.updateQueue("q-api", { name: "Ada was here" }, 1)),
    ).toMatchObject({ status: 403, code: "forbidden" });
    expect(await failureOf(ada.removeQueue("q-api", 1))).toMatchObject({
      status: 403,
      code: "forbidden",
    });
    expect(await failureOf(t.anonymous.getQueue("q-api"))).toMatchObject({
      status: 401,
      code: "unauthorized",
    });
    expect((await sam.getQueue("q-api")).version).toBe(1);
  });
});

describe("queue configuration versions in flight", () => {
  let t: TestGateway;
  beforeEach(async () => {
    t = await startTestGateway();
  });
  afterEach(async () => {
    await t.close();
  });

  it("keeps a callback under way on the retry policy and closing reasons it started with; new callbacks get the new ones", async () => {
    const sam = await t.signIn("supervisor-sam");
    const ada = await t.signIn("agent-ada");
    // A demo queue the agents belong to, changed under a callback that is already offered.
    const queueId = "callbacks-af";
    const before = await sam.updateQueue(
      queueId,
      {
        closingReasons: ["Customer unreachable"],
        retryPolicy: { maxAttempts: 2, minIntervalSeconds: 120 },
      },
      1,
    );
    await ada.setPresence("agent-ada", "available");
    const { callback: first } = await t.anonymous.createCallback({
      queueId,
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "Before the change",
    });
    expect(first).toMatchObject({
      queueConfigVersion: before.version,
      retryPolicy: { maxAttempts: 2, minIntervalSeconds: 120 },
    });
    expect(await ada.getInteraction(first.interactionId)).toMatchObject({
      state: "offered",
      queueConfigVersion: 2,
      closingReasons: ["Customer unreachable"],
      maxAttempts: 2,
    });

    const after = await sam.updateQueue(
      queueId,
      {
        closingReasons: ["Left a voicemail"],
        retryPolicy: { maxAttempts: 6, minIntervalSeconds: 30 },
        dialMethod: { type: "auto", countdownSeconds: 20 },
      },
      2,
    );
    expect(after.version).toBe(3);

    const accepted = await ada.sendCommand(first.interactionId, {
      type: "accept",
    });
    expect(accepted).toMatchObject({
      state: "previewing",
      queueConfigVersion: 2,
      closingReasons: ["Customer unreachable"],
      maxAttempts: 2,
    });
    expect(accepted.autoDialAt).toBeUndefined();
    expect(await sam.getCallback(first.id)).toMatchObject({
      queueConfigVersion: 2,
      retryPolicy: { maxAttempts: 2, minIntervalSeconds: 120 },
    });

    const { callback: second } = await t.anonymous.createCallback({
      queueId,
      customer: exampleCustomer(),
      reason: { code: "billing-issue" },
      shortDescription: "After the change",
    });
    expect(second).toMatchObject({
      queueConfigVersion: 3,
      retryPolicy: { maxAttempts: 6, minIntervalSeconds: 30 },
    });
    expect(await sam.getInteraction(second.interactionId)).toMatchObject({
      queueConfigVersion: 3,
      closingReasons: ["Left a voicemail"],
      maxAttempts: 6,
    });
  });
});

describe("queue configuration durability", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "icc-queue-config-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const start = (at?: string) =>
    startTestGateway({
      store: createSqliteEventStore({ dataDir }),
      ...(at === undefined ? {} : { fakeClock: createFakeClock(at) }),
    });

  it("keeps every version across a restart, and an interaction opened before a change works by its version after it", async () => {
    const first = await start();
    let interactionId: string;
    try {
      const sam = await first.signIn("supervisor-sam");
      const ada = await first.signIn("agent-ada");
      await ada.setPresence("agent-ada", "available");
      const { callback } = await first.anonymous.createCallback({
        queueId: "callbacks-af",
        customer: exampleCustomer(),
        reason: { code: "billing-issue" },
        shortDescription: "Spans a restart",
      });
      interactionId = callback.interactionId;
      await sam.updateQueue(
        "callbacks-af",
        {
          dialMethod: { type: "auto", countdownSeconds: 20 },
          closingReasons: ["Left a voicemail"],
        },
        1,
      );
    } finally {
      await first.close();
    }

    const second = await start("2026-03-10T09:00:05Z");
    try {
      const sam = await second.signIn("supervisor-sam");
      const ada = await second.signIn("agent-ada");
      expect(await sam.getQueue("callbacks-af")).toMatchObject({
        version: 2,
        dialMethod: { type: "auto", countdownSeconds: 20 },
        closingReasons: ["Left a voicemail"],
      });
      expect(
        (await sam.listQueueRevisions("callbacks-af")).map(
          ({ version, changedBy }) => [version, changedBy],
        ),
      ).toEqual([
        [1, "system"],
        [2, "supervisor-sam"],
      ]);
      expect((await sam.getQueueVersion("callbacks-af", 1)).dialMethod).toEqual(
        { type: "manual" },
      );
      // Offered before the change and the restart: version 1's manual dial, no countdown.
      const accepted = await ada.sendCommand(interactionId, { type: "accept" });
      expect(accepted).toMatchObject({
        state: "previewing",
        queueConfigVersion: 1,
      });
      expect(accepted.autoDialAt).toBeUndefined();
      expect(
        await failureOf(
          sam.updateQueue("callbacks-af", { name: "Stale after restart" }, 1),
        ),
      ).toMatchObject({ status: 412, code: "version_conflict" });
    } finally {
      await second.close();
    }
  });
});
