import type { InteractionCommand } from '@icc/client';
import { createInMemoryEventStore } from '@icc/core';
import { exampleCustomer, type Interaction } from '@icc/protocol';
import { DEMO_QUEUES } from '../../composition/demo-configuration';
import { startTestGateway, type TestGateway } from '../test-gateway';
import { rawHttp } from './raw-http';
import { agentFleet, postCallback, seedQueuesAndAgents, UNLIMITED_INTAKE } from './reliability-fixtures';
import { createSeededRandom, reliabilitySeed, type SeededRandom } from './seeded-random';
import { soakOr } from './soak';
import { amazonConnectFaultSandbox, genesysFaultSandbox, type VendorFaultControls, type VendorFaultSandbox } from './vendor-fault-sandboxes';

const SEED = reliabilitySeed('vendor-simulator-faults');
const CALLBACKS = Number(process.env['ICC_RELIABILITY_VENDOR_CALLBACKS'] ?? soakOr(100, 500));
const FAULT_RATE = Number(process.env['ICC_RELIABILITY_FAULT_RATE'] ?? '0.3');
const AGENTS = agentFleet(20);
const ROUND_MS = 5000;
const INTAKE_PER_ROUND = 25;

jest.setTimeout(soakOr(300_000, 1_800_000));

type FaultKind = 'api' | 'duplicate' | 'reorder' | 'delay' | 'lose';

/** One of `kinds`, chosen by the seed; answers what it injected, for the report. */
function injectFault(controls: VendorFaultControls, random: SeededRandom, kinds: readonly FaultKind[]): string {
  const kind = random.pick(kinds.filter((candidate) => candidate !== 'delay' || controls.delayNextEvent));
  switch (kind) {
    case 'api': {
      const status = random.pick([429, 500, 503] as const);
      // A 500 after the vendor did the work: a call that is not idempotent must not be sent again.
      const afterWork = status === 500 && random.chance(0.5);
      // Up to two failures in a row: within the adapters' retry budgets, so an idempotent call still succeeds.
      controls.failNextCalls({ status, count: random.int(1, 2), ...(status === 429 ? { retryAfterSeconds: random.int(1, 3) } : {}), ...(afterWork ? { afterWork } : {}) });
      return `api-${status}${afterWork ? '-after-work' : ''}`;
    }
    case 'duplicate':
      controls.duplicateNextEvent();
      return kind;
    case 'reorder':
      controls.reorderNextEvents(2);
      return kind;
    case 'delay':
      controls.delayNextEvent?.(random.int(1, 4));
      return kind;
    case 'lose':
      controls.loseEvents();
      return kind;
  }
}

interface Planned {
  key: string;
  phoneNumber: string;
  queueId: string;
  answers: boolean;
  callbackId?: string;
}

const ALL_FAULTS: readonly FaultKind[] = ['api', 'duplicate', 'reorder', 'delay', 'lose'];
/** Rounds without a single new event while interactions are still open: the run is stuck. */
const STALL_ROUNDS = 60;

interface VendorCase {
  vendor: string;
  createSandbox: () => VendorFaultSandbox;
  faults: readonly FaultKind[];
}

const CASES: VendorCase[] = [
  { vendor: 'amazon-connect', createSandbox: amazonConnectFaultSandbox, faults: ALL_FAULTS },
  { vendor: 'genesys', createSandbox: genesysFaultSandbox, faults: ALL_FAULTS },
];

describe.each(CASES)('$vendor simulator with faults: $faults', ({ vendor, createSandbox, faults: faultKinds }) => {
  let t: TestGateway | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  it(`brings ${CALLBACKS} callbacks to the outcome their phones dictate`, async () => {
    const random = createSeededRandom(SEED);
    const sandbox = createSandbox();
    const store = createInMemoryEventStore();
    await seedQueuesAndAgents(store, AGENTS);
    t = await startTestGateway({ store, adapter: sandbox.adapter, telephony: sandbox.telephony, intakeRateLimit: UNLIMITED_INTAKE });
    const gateway = t;
    const tokens = new Map<string, string>();
    for (const agent of AGENTS) {
      const client = await gateway.signIn(agent.id);
      tokens.set(agent.id, client.token);
      await client.setPresence(agent.id, 'available');
    }
    const queues = DEMO_QUEUES.filter((queue) => sandbox.adapter.capabilities.modes.includes(queue.defaultMode)).map((queue) => queue.id);
    const planned: Planned[] = Array.from({ length: CALLBACKS }, (_, index) => ({
      key: `${vendor}-${index}`,
      phoneNumber: `+1415555${String(index).padStart(4, '0')}`,
      queueId: random.pick(queues),
      answers: !random.chance(FAULT_RATE),
    }));
    for (const entry of planned) {
      const behaviour = entry.answers ? sandbox.behaviour('answer', random.int(2, 6)) : sandbox.behaviour(random.pick(['no-answer', 'busy'] as const), 0);
      const answer = await rawHttp(gateway.url, {
        method: 'PUT',
        path: `/v1/dev/telephony/numbers/${encodeURIComponent(entry.phoneNumber)}`,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ behaviour }),
      });
      expect(answer.status).toBe(200);
    }

    const faults: Record<string, number> = {};
    const intakeStatuses: Record<string, number> = {};
    const commandStatuses: Record<string, number> = {};
    const inFlight = new Map<string, Promise<void>>();
    let nextIntake = 0;
    const retryIntake: Planned[] = [];
    const intake = (entry: Planned) => {
      inFlight.set(`intake:${entry.key}`, (async () => {
        const answer = await postCallback(gateway.url, entry.key, {
          queueId: entry.queueId,
          customer: exampleCustomer({ phoneNumbers: [entry.phoneNumber] }),
          reason: { code: 'product-issue' },
          shortDescription: `Vendor fault run ${entry.key}`,
        }).catch(() => ({ status: 0, callbackId: undefined }));
        intakeStatuses[answer.status] = (intakeStatuses[answer.status] ?? 0) + 1;
        if (answer.status === 201 || answer.status === 200) entry.callbackId = answer.callbackId;
        else retryIntake.push(entry); // the client retries with the same key
      })().finally(() => inFlight.delete(`intake:${entry.key}`)));
    };
    const choose = (view: Interaction): InteractionCommand | undefined => {
      switch (view.state) {
        case 'offered':
          return { type: 'accept' };
        case 'previewing':
          return { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string };
        case 'no-answer':
          return view.attempts.length < view.maxAttempts ? { type: 'redial' } : { type: 'close-callback' };
        case 'connected':
          return gateway.clock.now() - Date.parse(view.connectedAt ?? view.acceptedAt ?? '') >= 10_000 ? { type: 'end-call' } : undefined;
        case 'wrap-up':
          return { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: '' } };
        default:
          return undefined;
      }
    };

    let rounds = 0;
    let quietRounds = 0;
    let lastHead = -1;
    const done = () => nextIntake >= planned.length && retryIntake.length === 0 && inFlight.size === 0 && gateway.gateway.store.openInteractions().length === 0;
    for (; quietRounds < STALL_ROUNDS && !done(); rounds++) {
      const head = gateway.gateway.store.headSeq();
      quietRounds = head === lastHead && nextIntake >= planned.length ? quietRounds + 1 : 0;
      lastHead = head;
      for (const entry of retryIntake.splice(0)) intake(entry);
      for (let count = 0; count < INTAKE_PER_ROUND && nextIntake < planned.length; count++) intake(planned[nextIntake++] as Planned);
      for (const view of gateway.gateway.store.openInteractions()) {
        const command = view.agentId === undefined ? undefined : choose(view);
        const id = `command:${view.id}`;
        if (!command || view.agentId === undefined || inFlight.has(id)) continue;
        const token = tokens.get(view.agentId) ?? '';
        inFlight.set(id, (async () => {
          const answer = await rawHttp(gateway.url, {
            method: 'POST',
            path: `/v1/interactions/${view.id}/commands`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify(command),
          }).catch(() => ({ status: 0 }));
          const bucket = `${command.type} ${answer.status}`;
          commandStatuses[bucket] = (commandStatuses[bucket] ?? 0) + 1;
        })().finally(() => inFlight.delete(id)));
      }
      if (random.chance(FAULT_RATE)) {
        const kind = injectFault(sandbox.controls(), random, faultKinds);
        faults[kind] = (faults[kind] ?? 0) + 1;
      }
      await sandbox.settle();
      await gateway.advance(ROUND_MS);
      await sandbox.settle();
    }

    const open = gateway.gateway.store.openInteractions().map((view) => `${view.id} ${view.state}`);
    const tally = { completed: 0, notCompleted: 0 };
    const mismatches: string[] = [];
    for (const entry of planned) {
      const found = gateway.gateway.store.findCallbackByIdempotencyKey(entry.key);
      const callback = found && gateway.gateway.store.getCallback(found.callback.id);
      const interaction = callback && gateway.gateway.store.getInteraction(callback.interactionId);
      const completed = interaction?.outcome === 'completed';
      if (!callback || callback.id !== entry.callbackId || interaction?.state !== 'closed' || completed !== entry.answers) {
        mismatches.push(`${entry.key} (${entry.answers ? 'answers' : 'never answers'}): ${callback?.state ?? 'no callback'} / ${interaction?.state ?? '-'} ${interaction?.outcome ?? ''}`);
      }
      if (completed) tally.completed += 1;
      else tally.notCompleted += 1;
    }
    const created = gateway.gateway.store.readAfter(0, 10_000_000).filter((event) => event.type === 'interaction.created').length;
    process.stdout.write(
      `[vendor-simulator-faults] ${vendor} (${faultKinds.join(', ')}), seed ${SEED}: ${CALLBACKS} callbacks, ${tally.completed} completed / ${tally.notCompleted} not (planned ${planned.filter((entry) => entry.answers).length} answering), ` +
        `faults ${JSON.stringify(faults)}, intake answers ${JSON.stringify(intakeStatuses)}, ${rounds} rounds, commands ${JSON.stringify(commandStatuses)}\n`,
    );
    expect(open).toEqual([]);
    expect(mismatches).toEqual([]);
    // Nothing left at the vendor that could still call a customer (e.g. the orphan of a create retried after a 500).
    expect(sandbox.openVendorWork?.() ?? 0).toBe(0);
    // Retried intake never made a second callback.
    expect(created).toBe(CALLBACKS);
  });
});
