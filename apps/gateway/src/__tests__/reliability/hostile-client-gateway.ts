import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TelephonyBehaviour, type MockAdapter } from '@icc/adapter-mock';
import { exampleCustomer } from '@icc/protocol';
import type { EventStore } from '@icc/core';
import { createPushVendorAdapter } from '../push-vendor-adapter';
import { startTestGateway, type TestGateway } from '../test-gateway';
import { rawHttp, type RawAnswer } from './raw-http';
import { UNLIMITED_INTAKE } from './reliability-fixtures';

export const SECRET_OUTSIDE_WORKSPACE = 'secret-that-must-never-be-served';

/** Everything on `Object.prototype` and friends, to notice pollution. */
function prototypeFingerprint(): string {
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype]
    .map((prototype) => Object.getOwnPropertyNames(prototype).sort().join(','))
    .join('|');
}

export interface HostileClientGateway {
  t: TestGateway;
  tokens: { ada: string; grace: string; supervisor: string };
  fixture: { callbackId: string; interactionId: string };
  /** Sends one request; fails the test on a 5xx, on polluted prototypes, or on a write by a refused request. */
  send(options: Parameters<typeof rawHttp>[1]): Promise<RawAnswer>;
  /** Requests sent through `send`. */
  sent(): number;
  /** The server is alive and nothing leaked into the process. */
  assertHealthy(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A gateway for abuse tests: a push vendor (webhooks and simulated telephony enabled), a built workspace in a directory
 * with a secret file next to it, an interaction Ada has accepted, and a process-level watch for
 * uncaught errors (the in-process equivalent of the server crashing).
 */
export async function startHostileClientGateway(overrides: Parameters<typeof startTestGateway<EventStore>>[0] = {}): Promise<HostileClientGateway> {
  const root = mkdtempSync(join(tmpdir(), 'icc-hostile-'));
  const workspaceDir = join(root, 'workspace');
  mkdirSync(join(workspaceDir, 'assets'), { recursive: true });
  writeFileSync(join(workspaceDir, 'index.html'), '<!doctype html><title>workspace</title>');
  writeFileSync(join(workspaceDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), SECRET_OUTSIDE_WORKSPACE);

  const crashes: unknown[] = [];
  const onCrash = (error: unknown) => crashes.push(error);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  const fingerprint = prototypeFingerprint();

  // The push vendor is the mock vendor plus webhooks, so its simulated telephony is there to steer too.
  const adapter = createPushVendorAdapter() as ReturnType<typeof createPushVendorAdapter> & Pick<MockAdapter, 'telephony'>;
  const telephony = {
    behaviourSchema: TelephonyBehaviour,
    setBehaviour: (phoneNumber: string, behaviour: unknown) => adapter.telephony.setBehaviour(phoneNumber, TelephonyBehaviour.parse(behaviour)),
  };
  const t = await startTestGateway<EventStore>({ adapter, telephony, workspaceDir, intakeRateLimit: UNLIMITED_INTAKE, ...overrides });
  const [ada, grace, supervisor] = await Promise.all([t.signIn('agent-ada'), t.signIn('agent-grace'), t.signIn('supervisor-sam')]);
  await ada.setPresence('agent-ada', 'available');
  const { callback } = await t.anonymous.createCallback({
    queueId: 'callbacks-af',
    customer: exampleCustomer(),
    reason: { code: 'billing-issue' },
    shortDescription: 'Fixture for hostile clients',
  });
  await ada.sendCommand(callback.interactionId, { type: 'accept' });

  let sent = 0;
  const { store } = t.gateway;
  const writes = () => `${store.headSeq()}|${store.listCallbacks({ limit: 200 }).items.map((entry) => `${entry.id}:${entry.state}:${entry.attempts}`).join(',')}`;
  const assertHealthy = async () => {
    expect(crashes).toEqual([]);
    expect(prototypeFingerprint()).toBe(fingerprint);
    expect((({}) as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((await rawHttp(t.url, { method: 'GET', path: '/healthz' })).status).toBe(200);
  };
  return {
    t,
    tokens: { ada: ada.token, grace: grace.token, supervisor: supervisor.token },
    fixture: { callbackId: callback.id, interactionId: callback.interactionId },
    async send(options) {
      sent += 1;
      const before = writes();
      const answer = await rawHttp(t.url, options);
      const label = `${options.method} ${options.path.slice(0, 200)} → ${answer.status} ${answer.body.slice(0, 200)}`;
      expect({ label, serverError: answer.status >= 500 }).toEqual({ label, serverError: false });
      if (answer.status >= 400) expect({ label, writes: writes() }).toEqual({ label, writes: before });
      expect(prototypeFingerprint()).toBe(fingerprint);
      return answer;
    },
    sent: () => sent,
    assertHealthy,
    async close() {
      try {
        await t.close();
        expect(crashes).toEqual([]);
      } finally {
        process.off('uncaughtException', onCrash);
        process.off('unhandledRejection', onCrash);
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
