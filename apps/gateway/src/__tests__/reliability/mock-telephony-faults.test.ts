import type { InteractionCommand } from '@icc/client';
import { createInMemoryEventStore } from '@icc/core';
import { exampleCustomer, type Interaction, type InteractionOutcome } from '@icc/protocol';
import { startTestGateway, type TestGateway } from '../test-gateway';
import { agentFleet, postCallback, seedQueuesAndAgents, UNLIMITED_INTAKE } from './reliability-fixtures';
import { createSeededRandom, reliabilitySeed } from './seeded-random';
import { soakOr } from './soak';
import { behaviourOf, drawTelephonyPlan, expectedAttempts, type TelephonyPlan } from './telephony-fault-plan';

const SEED = reliabilitySeed('mock-telephony-faults');
const CALLBACKS = soakOr(500, 2000);
const FAULT_RATE = Number(process.env['ICC_RELIABILITY_FAULT_RATE'] ?? '0.3');
const AGENTS = agentFleet(20);
const MAX_ATTEMPTS = 3; // the demo queues' retry policy
const ROUND_MS = 5000;

jest.setTimeout(soakOr(180_000, 900_000));

interface Planned {
  key: string;
  phoneNumber: string;
  queueId: 'callbacks-cf' | 'callbacks-af';
  plan: TelephonyPlan;
  callbackId?: string;
}

/** E.164 numbers of the fictional 555-01xx range and its neighbours, one per callback. */
const phoneNumberOf = (index: number) => `+1415555${String(index).padStart(4, '0')}`;

/** The outcome a plan must end in: customer-first retries by itself, an agent-first bot redials, then closes. */
function expectedOutcome(planned: Planned): InteractionOutcome {
  if (expectedAttempts(planned.plan, MAX_ATTEMPTS).answered) return 'completed';
  return planned.queueId === 'callbacks-cf' ? 'failed' : 'no-answer';
}

describe(`mock vendor with telephony faults (${CALLBACKS} callbacks, fault rate ${FAULT_RATE})`, () => {
  let t: TestGateway;
  afterEach(async () => {
    await t.close();
  });

  it('brings every callback to the outcome its injected behaviour dictates, and the counts add up', async () => {
    const random = createSeededRandom(SEED);
    const store = createInMemoryEventStore();
    await seedQueuesAndAgents(store, AGENTS);
    t = await startTestGateway({ store, intakeRateLimit: UNLIMITED_INTAKE });
    const tokens = new Map<string, string>();
    for (const agent of AGENTS) {
      const client = await t.signIn(agent.id);
      tokens.set(agent.id, client.token);
      await client.setPresence(agent.id, 'available');
    }

    const planned: Planned[] = Array.from({ length: CALLBACKS }, (_, index) => ({
      key: `faults-${index}`,
      phoneNumber: phoneNumberOf(index),
      queueId: random.chance(0.5) ? 'callbacks-cf' : 'callbacks-af',
      plan: drawTelephonyPlan(random, FAULT_RATE),
    }));
    for (const entry of planned) {
      const answer = await fetch(`${t.url}/v1/dev/telephony/numbers/${encodeURIComponent(entry.phoneNumber)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ behaviour: behaviourOf(entry.plan, random) }),
      });
      expect(answer.status).toBe(200);
    }
    for (const entry of planned) {
      const answer = await postCallback(t.url, entry.key, {
        queueId: entry.queueId,
        customer: exampleCustomer({ phoneNumbers: [entry.phoneNumber] }),
        reason: { code: 'product-issue' },
        shortDescription: `Fault run ${entry.key}`,
      });
      expect(answer.status).toBe(201);
      entry.callbackId = answer.callbackId;
    }

    // Agents act on what they hold, like a person would: accept, dial, redial up to the policy, talk ten seconds, wrap up.
    const choose = (view: Interaction): InteractionCommand | undefined => {
      switch (view.state) {
        case 'offered':
          return { type: 'accept' };
        case 'previewing':
          return { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string };
        case 'no-answer':
          return view.attempts.length < view.maxAttempts ? { type: 'redial' } : { type: 'close-callback' };
        case 'connected':
          return t.clock.now() - Date.parse(view.connectedAt ?? view.acceptedAt ?? '') >= 10_000 ? { type: 'end-call' } : undefined;
        case 'wrap-up':
          return { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: '' } };
        default:
          return undefined;
      }
    };
    let rounds = 0;
    let refused = 0;
    for (; rounds < 5000 && t.gateway.store.openInteractions().length > 0; rounds++) {
      const sends = t.gateway.store.openInteractions().map(async (view) => {
        const command = view.agentId === undefined ? undefined : choose(view);
        if (!command || view.agentId === undefined) return;
        const answer = await fetch(`${t.url}/v1/interactions/${view.id}/commands`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(view.agentId) ?? ''}` },
          body: JSON.stringify(command),
        });
        if (answer.status !== 200) refused += 1;
        await answer.arrayBuffer();
      });
      await Promise.all(sends);
      await t.advance(ROUND_MS);
    }
    expect(t.gateway.store.openInteractions()).toEqual([]);
    expect(refused).toBe(0);

    const tally = { completed: 0, failed: 0, noAnswer: 0, hangUps: 0, failures: { busy: 0, 'no-answer': 0, failed: 0 }, answered: 0 };
    const mismatches: string[] = [];
    for (const entry of planned) {
      const callback = t.gateway.store.getCallback(entry.callbackId as string);
      const interaction = callback && t.gateway.store.getInteraction(callback.interactionId);
      const expected = expectedAttempts(entry.plan, MAX_ATTEMPTS);
      const outcome = expectedOutcome(entry);
      const actual = {
        outcome: interaction?.outcome,
        callbackState: callback?.state,
        attempts: interaction?.attempts.map((attempt) => attempt.outcome),
      };
      const wanted = {
        outcome,
        callbackState: outcome === 'completed' ? 'completed' : 'failed',
        attempts: [...expected.failures, ...(expected.answered ? ['answered'] : [])],
      };
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) mismatches.push(`${entry.key} ${JSON.stringify(entry.plan)}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(wanted)}`);
      if (outcome === 'completed') tally.completed += 1;
      else if (outcome === 'failed') tally.failed += 1;
      else tally.noAnswer += 1;
      if (expected.answered) tally.answered += 1;
      if (expected.answered && entry.plan.hangsUp) tally.hangUps += 1;
      for (const failure of expected.failures) tally.failures[failure] += 1;
    }
    expect(mismatches).toEqual([]);

    // The log and the metrics count exactly what was injected.
    const log = t.gateway.store.readAfter(0, 1_000_000);
    const customerHangUps = log.filter((event) => event.type === 'interaction.call-ended' && event.by === 'customer').length;
    expect(customerHangUps).toBe(tally.hangUps);
    const metrics = await (await fetch(`${t.url}/metrics`)).text();
    const sum = (pattern: RegExp) => [...metrics.matchAll(pattern)].reduce((total, match) => total + Number(match[1]), 0);
    expect({
      answers: sum(/^icc_answers_total\{[^}]*\} (\d+)$/gm),
      busy: sum(/^icc_no_answers_total\{[^}]*failure="busy"[^}]*\} (\d+)$/gm),
      noAnswer: sum(/^icc_no_answers_total\{[^}]*failure="no-answer"[^}]*\} (\d+)$/gm),
      failed: sum(/^icc_no_answers_total\{[^}]*failure="failed"[^}]*\} (\d+)$/gm),
    }).toEqual({ answers: tally.answered, busy: tally.failures.busy, noAnswer: tally.failures['no-answer'], failed: tally.failures.failed });
    process.stdout.write(
      `[mock-telephony-faults] seed ${SEED}: ${CALLBACKS} callbacks, ${tally.completed} completed, ${tally.failed} failed (customer-first), ` +
        `${tally.noAnswer} closed after no answer (agent-first), ${tally.hangUps} customer hang-ups, injected failures ${JSON.stringify(tally.failures)}, ${rounds} rounds\n`,
    );
  });
});
