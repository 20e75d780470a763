import { createConformanceWorld, createRecordingLogger, createRecordingSink, type ConformanceWorld, type RecordingLogger, type RecordingSink } from '@icc/adapter-kit/conformance';
import type { NewCallbackIdentity } from '@icc/core';
import type { CreateCallbackRequest } from '@icc/protocol';
import { createGenesysSandbox, type GenesysSandbox, type GenesysSandboxOptions } from './genesys-sandbox';

export interface StartedSandbox extends GenesysSandbox {
  world: ConformanceWorld;
  sink: RecordingSink;
  logger: RecordingLogger;
  /** Stops the adapter and closes the simulator (call it in `afterEach`). */
  shutdown(): Promise<void>;
}

export interface StartSandboxOptions extends Partial<GenesysSandboxOptions> {
  /** Runs on the seeded org before the adapter starts. */
  beforeStart?: (simulator: GenesysSandbox['simulator'], config: GenesysSandbox['config']) => void;
}

/** The conformance world's queues and agents, a simulated org seeded from them, and the adapter started on it. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<StartedSandbox> {
  const world = createConformanceWorld();
  const sink = createRecordingSink();
  const logger = createRecordingLogger();
  const { beforeStart, ...sandboxOptions } = options;
  const sandbox = await createGenesysSandbox({ clock: world.clock, queues: world.queueList, agents: world.agentList, ...sandboxOptions });
  beforeStart?.(sandbox.simulator, sandbox.config);
  await sandbox.adapter.start({
    sink,
    clock: world.clock,
    logger,
    queues: world.queueList,
    agents: world.agentList,
    openInteractions: [],
    getCallback: (callbackId) => sink.callback(callbackId),
  });
  await sandbox.settle();
  return {
    ...sandbox,
    world,
    sink,
    logger,
    async shutdown() {
      try {
        await sandbox.adapter.stop();
      } finally {
        await sandbox.close();
      }
    },
  };
}

/** Maya's ASAP callback in the agent-first manual queue, as `ids` (callback `cb-<n>`, interaction `ix-<n>` by default). */
export function requestExampleCallback(sandbox: StartedSandbox, n = 1, ids: Partial<NewCallbackIdentity> = {}, overrides: Partial<CreateCallbackRequest> = {}) {
  const { world } = sandbox;
  return sandbox.adapter.requestCallback(
    {
      queueId: world.queues.manual.id,
      customer: { firstName: 'Maya', lastName: 'Lindqvist', phoneNumbers: [world.phoneNumbers.primary], timeZone: 'America/Los_Angeles', locale: 'en-US' },
      reason: { code: 'product-issue' },
      shortDescription: 'Router keeps dropping the connection',
      ivrPath: [],
      attributes: {},
      schedule: { type: 'asap' },
      source: 'api',
      ...overrides,
    },
    { callbackId: `cb-${n}`, interactionId: `ix-${n}`, number: `CB${String(n).padStart(7, '0')}`, ...ids },
  );
}

/** A Platform API request straight to the simulator, as any client would send it (a token first). */
export async function rawCall(sandbox: StartedSandbox, method: string, path: string, body?: unknown) {
  const token = await fetch(`${sandbox.simulator.authUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  }).then((answer) => answer.json() as Promise<{ access_token: string }>);
  const answer = await fetch(`${sandbox.simulator.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await answer.text();
  return { status: answer.status, headers: answer.headers, body: (text === '' ? undefined : JSON.parse(text)) as unknown };
}
