import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeClock, createInMemoryEventStore, silentLogger, type EventStore, type FakeClock } from '@icc/core';
import { createIccRestClient, type IccRestClient } from '@icc/client';
import { createGateway, type Gateway, type GatewayOptions, type GatewayStore } from '../composition/create-gateway';

export const TEST_START = '2026-03-10T09:00:00Z';
export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters-long';
export const TEST_WEBHOOK_SECRET = 'webhook-secret-for-tests';

export interface TestGateway<Store extends GatewayStore = EventStore> {
  gateway: Gateway<Store>;
  url: string;
  dataDir: string;
  /** Domain time: the adapter's timers (auto-dial, schedules, telephony). */
  clock: FakeClock;
  /** Transport time: rate limits, heartbeats, hello timeout, token expiry, webhook tolerance. */
  timerClock: FakeClock;
  /** A REST client signed in as `agentId` (dev sign-in). */
  signIn(agentId: string): Promise<IccRestClient & { token: string }>;
  anonymous: IccRestClient;
  /** Advances the domain clock through the dev endpoint (waits until fired timers' events are durable). */
  advance(milliseconds: number): Promise<void>;
  /** How the mock telephony answers calls to `phoneNumber` (the dev endpoint; fails the test on refusal). */
  setTelephonyBehaviour(phoneNumber: string, behaviour: unknown): Promise<void>;
  close(): Promise<void>;
}

/** A gateway on port 0 with a temp data dir, in-memory store (unless given), mock vendor and fake clocks. */
export async function startTestGateway<Store extends GatewayStore = EventStore>(overrides: Partial<GatewayOptions<Store>> = {}): Promise<TestGateway<Store>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'icc-gateway-test-'));
  const clock = createFakeClock(TEST_START);
  const timerClock = createFakeClock(TEST_START);
  let gateway: Gateway<Store>;
  try {
    gateway = await createGateway<Store>({
      dataDir,
      port: 0,
      store: createInMemoryEventStore() as GatewayStore as Store,
      fakeClock: clock,
      timerClock,
      logger: silentLogger,
      jwtSecret: TEST_JWT_SECRET,
      webhookSecret: TEST_WEBHOOK_SECRET,
      devMode: true,
      ...overrides,
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const url = gateway.url;
  const anonymous = createIccRestClient({ baseUrl: url });
  return {
    gateway,
    url,
    dataDir,
    clock,
    timerClock,
    anonymous,
    async signIn(agentId) {
      const { token } = await anonymous.devSignIn(agentId);
      return Object.assign(createIccRestClient({ baseUrl: url, getToken: () => token }), { token });
    },
    async advance(milliseconds) {
      const response = await fetch(`${url}/v1/dev/clock/advance`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ milliseconds }),
      });
      if (!response.ok) throw new Error(`clock advance failed: ${response.status} ${await response.text()}`);
    },
    async setTelephonyBehaviour(phoneNumber, behaviour) {
      const response = await fetch(`${url}/v1/dev/telephony/numbers/${encodeURIComponent(phoneNumber)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ behaviour }),
      });
      if (!response.ok) throw new Error(`telephony behaviour refused: ${response.status} ${await response.text()}`);
    },
    async close() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Raw HTTP for the cases the typed client cannot express (bad bodies, headers). */
export async function rawRequest(
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; headers: Headers; body: unknown; text: string }> {
  const response = await fetch(url, init);
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** Resolves once `condition()` holds, checking every 20 ms; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
