import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createAgentStream, createIccRestClient, isIccApiError, type AgentStream, type IccRestClient } from '@icc/client';
import { exampleCustomer, type Interaction, type ServerFrame } from '@icc/protocol';
import { freePort, queryDatabase } from '@icc/store-postgres/testing';
import WebSocket from 'ws';
import { isAlive } from '../start-run-output.mjs';

jest.setTimeout(300_000);

const REPO_ROOT = path.join(__dirname, '../../..');
const HAPROXY = process.env['ICC_HAPROXY'] || '/usr/sbin/haproxy';
const haproxyInstalled = fs.existsSync(HAPROXY);
if (!haproxyInstalled) console.warn(`npm run start:cluster test skipped: HAProxy is not installed at ${HAPROXY} (apt-get install haproxy; CI installs it)`);
/** Short, so the takeover after the owner is killed (ttl + ttl/3) does not dominate the test. */
const LEASE_TTL_MS = 3000;

interface Gateway {
  name: string;
  url: string;
  pid: number;
}

interface ClusterRun {
  child: ChildProcess;
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
  /** The one URL agents open (HAProxy), once the script printed it. */
  url: Promise<string>;
}

/** `npm run start:cluster`'s script in its own process group, as a terminal runs it. */
function startCluster(listenPort: number, extraArguments: string[] = []): ClusterRun {
  const script = path.join(REPO_ROOT, 'tools/dev/start-cluster.mjs');
  const child = spawn(process.execPath, [script, '--no-workspace', '--port', String(listenPort), ...extraArguments], {
    cwd: REPO_ROOT,
    env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'info', ICC_LEASE_TTL_MS: String(LEASE_TTL_MS) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal })),
  );
  const url = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\(cluster\) is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void closed.then(() => reject(new Error(`start:cluster ended before it was running:\n${output}`)));
  });
  return { child, closed, output: () => output, url };
}

/** The gateways the script listed under the URL: `    gateway-1  http://127.0.0.1:41234  pid 1234  owner`. */
function listedGateways(output: string): Gateway[] {
  return [...output.matchAll(/^ {4}(gateway-\d+) {2}(http:\/\/\S+) {2}pid (\d+) /gm)].map(([, name, url, pid]) => ({
    name: name as string,
    url: url as string,
    pid: Number(pid),
  }));
}

async function clusterz(url: string): Promise<{ instance: string; role: string; owner: string | null }> {
  const response = await fetch(`${url}/clusterz`);
  if (!response.ok) throw new Error(`GET ${url}/clusterz: ${response.status} ${await response.text()}`);
  return (await response.json()) as { instance: string; role: string; owner: string | null };
}

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** `call`, again while the cluster answers that it cannot yet (503 owner_unavailable during a takeover, 429) . */
async function whileUnavailable<T>(what: string, call: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      const retryable = isIccApiError(error) && (error.status === 503 || error.status === 429);
      if (!retryable || Date.now() > deadline) throw new Error(`${what}: ${String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * An agent as the workspace runs one: the typed client's stream (reconnect + resume) through the
 * load balancer, remembering which gateway HAProxy put each connection on (its X-ICC-Gateway header).
 */
function agentStream(lbUrl: string, token: string) {
  const servedBy: string[] = [];
  const views = new Map<string, Interaction>();
  class RecordingWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      this.on('upgrade', (response) => servedBy.push(String(response.headers['x-icc-gateway'])));
    }
  }
  const stream: AgentStream = createAgentStream({
    url: `${lbUrl.replace(/^http/, 'ws')}/v1/agent-stream`,
    getToken: () => token,
    WebSocket: RecordingWebSocket,
    reconnect: { initialDelayMs: 100, maxDelayMs: 1000 },
    commandTimeoutMs: 10_000,
  });
  stream.subscribe((frame: ServerFrame) => {
    if (frame.type === 'snapshot') for (const view of frame.interactions) views.set(view.id, view);
    else if (frame.type === 'event' && frame.interaction) views.set(frame.interaction.id, frame.interaction);
  });
  return {
    stream,
    servedBy,
    /** Resolves once the stream delivered `interactionId` in `state`. */
    reaches: (interactionId: string, state: Interaction['state']) =>
      eventually(`interaction ${interactionId} ${state} on the agent's stream (last seen: ${views.get(interactionId)?.state ?? 'nothing'})`, async () =>
        views.get(interactionId)?.state === state ? views.get(interactionId) : undefined,
      ),
    open: () => eventually('the agent stream open', async () => (stream.status === 'open' ? true : undefined)),
  };
}

/** A customer-first ASAP callback through the balancer, answered by the mock customer, worked to the end by the agent. */
async function completeCallback(lbUrl: string, agent: IccRestClient, stream: ReturnType<typeof agentStream>, note: string): Promise<void> {
  const anonymous = createIccRestClient({ baseUrl: lbUrl });
  // While no gateway holds the ACD (a takeover under way) intake answers 503 owner_unavailable: a client retries.
  const { callback } = await whileUnavailable(`intake of "${note}"`, () =>
    anonymous.createCallback(
      { queueId: 'callbacks-cf', customer: exampleCustomer(), reason: { code: 'product-issue' }, shortDescription: note },
      { idempotencyKey: `start-cluster-${note.replaceAll(' ', '-')}` },
    ),
  );
  const id = callback.interactionId;
  // The mock customer answers after 3 s; then the call is offered to the agent with the customer on the line.
  expect(await stream.reaches(id, 'offered')).toMatchObject({ agentId: 'agent-ada', customerOnLine: true });
  expect((await stream.stream.sendCommand({ type: 'accept', interactionId: id })).state).toBe('connected');
  expect((await stream.stream.sendCommand({ type: 'end-call', interactionId: id })).state).toBe('wrap-up');
  const closed = await stream.stream.sendCommand({ type: 'submit-wrap-up', interactionId: id, wrapUp: { reason: 'resolved', notes: note } });
  expect(closed).toMatchObject({ state: 'closed', outcome: 'completed' });
  expect((await agent.getCallback(callback.number)).state).toBe('completed');
}

/** What a run printed about the processes and files it made. */
function printedResources(output: string) {
  return {
    postgresUrl: /Store: PostgreSQL \(throwaway\) at (postgres:\/\/\S+)/.exec(output)?.[1] ?? 'none printed',
    scratch: /PostgreSQL 15 \(throwaway, in (\S+)\/pg\)/.exec(output)?.[1] ?? 'none printed',
    runDir: path.join(REPO_ROOT, /Building into (dist\/start\/run-\d+-\d+)/.exec(output)?.[1] ?? 'none printed'),
    pids: [...listedGateways(output).map(({ pid }) => pid), Number(/That is HAProxy \(pid (\d+)/.exec(output)?.[1])],
  };
}

/** Nothing the run started runs any more, and its throwaway files are gone. */
async function expectNothingLeft(resources: ReturnType<typeof printedResources>): Promise<void> {
  expect(resources.pids.filter(isAlive)).toEqual([]);
  await expect(queryDatabase(resources.postgresUrl, 'SELECT 1')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  expect(fs.existsSync(resources.scratch)).toBe(false);
  expect(fs.existsSync(resources.runDir)).toBe(false);
}

describe('npm run start:cluster (tools/dev/start-cluster.mjs)', () => {
  const runs: ClusterRun[] = [];
  let stream: ReturnType<typeof agentStream> | undefined;
  afterAll(async () => {
    stream?.stream.close();
    // A failed test leaves the cluster up: SIGTERM the script, which stops everything it started.
    for (const run of runs) {
      if (!run.child.pid || run.child.exitCode !== null || run.child.signalCode !== null) continue;
      process.kill(-run.child.pid, 'SIGTERM');
      const stopped = await Promise.race([run.closed, new Promise((resolve) => setTimeout(resolve, 60_000, 'timeout'))]);
      if (stopped === 'timeout') process.kill(-run.child.pid, 'SIGKILL');
    }
  });
  const skipReason = haproxyInstalled ? '' : ` (skipped: no HAProxy at ${HAPROXY})`;
  const started = async (extraArguments: string[] = []) => {
    const listenPort = await freePort();
    const run = startCluster(listenPort, extraArguments);
    runs.push(run);
    const url = await run.url;
    expect(url).toBe(`http://127.0.0.1:${listenPort}`);
    return Object.assign(run, { lbUrl: url });
  };

  (haproxyInstalled ? it : it.skip)(
    `serves an agent through HAProxy, again after the gateway holding the agent's stream is SIGKILLed, and leaves nothing behind on Ctrl+C${skipReason}`,
    async () => {
      const run = await started();
      const { lbUrl } = run;
      const gateways = listedGateways(run.output());
      expect(gateways.map(({ name }) => name)).toEqual(['gateway-1', 'gateway-2', 'gateway-3']);
      const resources = printedResources(run.output());
      const owner = (await clusterz(lbUrl)).owner;
      expect(gateways.map(({ url }) => url)).toContain(owner);

      const { token } = await createIccRestClient({ baseUrl: lbUrl }).devSignIn('agent-ada');
      const ada = createIccRestClient({ baseUrl: lbUrl, getToken: () => token });
      await ada.setPresence('agent-ada', 'available');
      // The stream on the gateway that owns the ACD: killing it then tests both the stream's and the ACD's failover.
      const ownerName = gateways.find(({ url }) => url === owner)?.name;
      for (let attempt = 0; ; attempt++) {
        stream = agentStream(lbUrl, token);
        await stream.open();
        if (stream.servedBy.at(-1) === ownerName || attempt === 8) break;
        stream.stream.close();
      }
      expect(stream.servedBy.at(-1)).toBe(ownerName);

      await completeCallback(lbUrl, ada, stream, 'before the kill');

      const served = gateways.find(({ name }) => name === stream?.servedBy.at(-1)) as Gateway;
      process.kill(served.pid, 'SIGKILL');
      await eventually(`the script noticing ${served.name} died`, async () =>
        run.output().includes(`${served.name} (pid ${served.pid}) stopped (SIGKILL); 2 gateway(s) left.`) ? true : undefined,
      );
      // The stream comes back through the balancer on another gateway, and another one takes the ACD over.
      await eventually('the stream reconnected elsewhere', async () =>
        stream?.stream.status === 'open' && stream.servedBy.length > 1 && stream.servedBy.at(-1) !== served.name ? true : undefined,
      );
      const after = await eventually('a new owner', async () => {
        const { owner: now } = await clusterz(lbUrl);
        return now && now !== served.url ? now : undefined;
      });
      const successor = gateways.find(({ url }) => url === after);
      expect(successor && successor.name !== served.name).toBe(true);
      await eventually('the script naming the new owner', async () =>
        run.output().includes(`${successor?.name} (pid ${successor?.pid}) owns the ACD.`) ? true : undefined,
      );

      await completeCallback(lbUrl, ada, stream, 'after the kill');
      stream.stream.close();

      // Ctrl+C: the other gateways drain, HAProxy and PostgreSQL stop, nothing of the run stays.
      process.kill(-(run.child.pid ?? 0), 'SIGINT');
      expect(await run.closed).toEqual({ code: 0, signal: null });
      expect(run.output()).toContain('PostgreSQL stopped; its throwaway data is removed.');
      await expectNothingLeft(resources);
    },
  );

  (haproxyInstalled ? it : it.skip)(`leaves no orphans when the script itself is SIGKILLed: its guard stops them${skipReason}`, async () => {
    const run = await started(['--gateways', '2']);
    const resources = printedResources(run.output());
    expect(resources.pids).toHaveLength(3);
    expect(resources.pids.filter(isAlive)).toHaveLength(3);
    // Only the script: its children run in process groups of their own, as they do under a terminal.
    process.kill(run.child.pid ?? 0, 'SIGKILL');
    expect(await run.closed).toEqual({ code: null, signal: 'SIGKILL' });
    await eventually('the guard to stop everything', async () => (resources.pids.some(isAlive) || fs.existsSync(resources.scratch) ? undefined : true));
    await expectNothingLeft(resources);
  });
});
