import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIccRestClient, type IccRestClient } from "@icc/client";
import { exampleCustomer, type Callback } from "@icc/protocol";
import { openStream } from "./stream-client";
import { spawnGateway, type GatewayProcess } from "./gateway-process";

jest.setTimeout(90_000);

const JWT_SECRET = "durability-test-secret-of-at-least-32-chars";
const body = (index: number) => ({
  queueId: index % 2 === 0 ? "callbacks-af" : "callbacks-cf",
  customer: exampleCustomer({ phoneNumbers: ["+14155550142"] }),
  reason: { code: "order-issue" as const },
  shortDescription: `Durability request ${index}`,
});

async function allCallbacks(client: IccRestClient): Promise<Callback[]> {
  const callbacks: Callback[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listCallbacks({
      limit: 200,
      ...(cursor === undefined ? {} : { cursor }),
    });
    callbacks.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return callbacks;
}

async function supervisorClient(url: string): Promise<IccRestClient> {
  const { token } = await createIccRestClient({ baseUrl: url }).devSignIn(
    "supervisor-sam",
  );
  return createIccRestClient({ baseUrl: url, getToken: () => token });
}

describe("gateway process durability", () => {
  let dataDir: string;
  const processes: GatewayProcess[] = [];
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), "icc-gateway-durability-"));
  });
  afterEach(async () => {
    for (const running of processes.splice(0)) {
      if (running.child.exitCode === null && running.child.signalCode === null)
        running.child.kill("SIGKILL");
      await running.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = async () => {
    const running = await spawnGateway({
      ICC_DATA_DIR: dataDir,
      ICC_JWT_SECRET: JWT_SECRET,
      ICC_INTAKE_RATE_PER_SECOND: "10000",
    });
    processes.push(running);
    return running;
  };

  it("keeps every acknowledged callback exactly once across a SIGKILL, then stops gracefully on SIGTERM", async () => {
    const first = await start();
    const intake = createIccRestClient({ baseUrl: first.url });
    const acknowledged = new Map<string, string>();
    const attempted = new Set<string>();
    let next = 0;
    const worker = async () => {
      for (;;) {
        const index = next++;
        const key = `durable-${index}`;
        attempted.add(key);
        try {
          const { callback } = await intake.createCallback(body(index), {
            idempotencyKey: key,
          });
          acknowledged.set(key, callback.id);
        } catch {
          return;
        }
      }
    };
    const workers = Array.from({ length: 4 }, worker);
    while (acknowledged.size < 40)
      await new Promise<void>((resolve) => setImmediate(resolve));
    first.child.kill("SIGKILL");
    await Promise.all(workers);
    expect((await first.exited).signal).toBe("SIGKILL");

    const second = await start();
    const supervisor = await supervisorClient(second.url);
    const stored = await allCallbacks(supervisor);
    expect(new Set(stored.map((callback) => callback.id)).size).toBe(
      stored.length,
    );
    for (const [key, id] of acknowledged) {
      expect(
        stored
          .filter((callback) => callback.idempotencyKey === key)
          .map((callback) => callback.id),
      ).toEqual([id]);
    }
    expect(new Set(stored.map((callback) => callback.number)).size).toBe(
      stored.length,
    );

    // Clients retry what was in flight: the same key never makes a second callback.
    const retryClient = createIccRestClient({ baseUrl: second.url });
    for (const key of attempted) {
      const index = Number(key.split("-")[1]);
      await retryClient.createCallback(body(index), { idempotencyKey: key });
    }
    const afterRetry = await allCallbacks(supervisor);
    expect(afterRetry).toHaveLength(attempted.size);
    expect(
      new Set(afterRetry.map((callback) => callback.idempotencyKey)).size,
    ).toBe(attempted.size);

    const open = await supervisor.listInteractions({
      open: "true",
      limit: 200,
    });
    const openIds = new Set(open.map((interaction) => interaction.id));
    for (const callback of afterRetry) {
      if (callback.state === "pending" || callback.state === "in-progress")
        expect(openIds.has(callback.interactionId)).toBe(true);
    }
    for (const interaction of open)
      expect(
        afterRetry.some((callback) => callback.id === interaction.callbackId),
      ).toBe(true);

    const { token } = await createIccRestClient({
      baseUrl: second.url,
    }).devSignIn("supervisor-sam");
    const stream = await openStream(second.url);
    stream.hello(token);
    await stream.waitFor((frame) => frame.type === "snapshot");
    second.child.kill("SIGTERM");
    expect((await stream.waitForClose()).code).toBe(4001);
    expect(await second.exited).toEqual({ code: 0, signal: null });
  });
});
