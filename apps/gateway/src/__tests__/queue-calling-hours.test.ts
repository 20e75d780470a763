import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { IccApiError } from "@icc/client";
import { exampleCustomer, exampleQueueConfig } from "@icc/protocol";
import { createSqliteEventStore } from "@icc/store-sqlite";
import { startTestGateway, TEST_START } from "./test-gateway";

const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof IccApiError))
    throw new Error(`expected an IccApiError, got ${String(error)}`);
  return { status: error.status, code: error.body.code, paths: error.body.issues?.map((issue) => issue.path) };
};

describe("calling hours per queue", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "icc-calling-hours-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses hours that end before they start or are no HH:mm (400 at the field), and keeps valid ones as a new version across a restart", async () => {
    const first = await startTestGateway({ store: createSqliteEventStore({ dataDir }) });
    try {
      const sam = await first.signIn("supervisor-sam");
      expect(await failureOf(sam.updateQueue("callbacks-cf", { callingHours: { start: "21:00", end: "08:00" } }, 1))).toEqual({
        status: 400,
        code: "validation_failed",
        paths: [["callingHours", "end"]],
      });
      expect(
        await failureOf(
          sam.createQueue({ ...exampleQueueConfig({ id: "q-hours", name: "Hours" }), callingHours: { start: "8:00", end: "21:00" } }),
        ),
      ).toMatchObject({ status: 400, code: "validation_failed", paths: [["callingHours", "start"]] });
      expect((await sam.getQueue("callbacks-cf")).version).toBe(1);

      const changed = await sam.updateQueue("callbacks-cf", { callingHours: { start: "09:00", end: "20:30" } }, 1);
      expect(changed).toMatchObject({ version: 2, callingHours: { start: "09:00", end: "20:30" } });
    } finally {
      await first.close();
    }

    const second = await startTestGateway({ store: createSqliteEventStore({ dataDir }) });
    try {
      const ada = await second.signIn("agent-ada");
      // Agents read it too: the workspace warns by it before a manual dial.
      expect((await ada.listQueues()).find((queue) => queue.id === "callbacks-cf")).toMatchObject({
        version: 2,
        callingHours: { start: "09:00", end: "20:30" },
      });
      expect((await ada.getQueueVersion("callbacks-cf", 1)).callingHours).toEqual({ start: "00:00", end: "24:00" });
    } finally {
      await second.close();
    }
  });

  it("holds a customer-first callback until the customer's calling hours open, then the mock vendor dials it", async () => {
    const t = await startTestGateway();
    try {
      const sam = await t.signIn("supervisor-sam");
      const ada = await t.signIn("agent-ada");
      // TEST_START is 09:00 UTC: 02:00 in Los Angeles (on PDT since 8 March 2026).
      expect(TEST_START).toBe("2026-03-10T09:00:00Z");
      await sam.updateQueue("callbacks-cf", { callingHours: { start: "08:00", end: "21:00" } }, 1);
      await ada.setPresence("agent-ada", "available");
      const { callback } = await t.anonymous.createCallback({
        queueId: "callbacks-cf",
        customer: { ...exampleCustomer(), timeZone: "America/Los_Angeles" },
        reason: { code: "billing-issue" },
        shortDescription: "Asked at night",
      });
      await t.advance(60_000);
      expect((await sam.getInteraction(callback.interactionId)).state).toBe("queued");

      // 08:00 PDT is 15:00 UTC: six hours after the start, less the minute already gone.
      await t.advance(6 * 3_600_000 - 60_001);
      expect((await sam.getInteraction(callback.interactionId)).state).toBe("queued");
      await t.advance(1);
      expect((await sam.getInteraction(callback.interactionId)).state).toBe("dialing");
    } finally {
      await t.close();
    }
  });
});
