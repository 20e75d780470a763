import type { InteractionCommand } from '@icc/client';
import { exampleCustomer, INTERACTION_STATE_TRAITS, type CreateCallbackRequestInput, type Interaction } from '@icc/protocol';
import type { AcknowledgedCommand } from './durable-invariants';
import type { SeededRandom } from './seeded-random';

/** How the simulated network answers each customer number of the crash matrix. */
export const CRASH_TELEPHONY: Readonly<Record<string, unknown>> = {
  '+14155550100': { kind: 'answer', afterSeconds: 3 },
  '+14155550101': { kind: 'answer', afterSeconds: 5, hangUpAfterSeconds: 40 },
  '+14155550102': { kind: 'no-answer', afterSeconds: 20 },
  '+14155550103': { kind: 'busy', afterSeconds: 1 },
  '+14155550104': { kind: 'fail', afterSeconds: 2 },
  '+14155550105': { kind: 'sequence', steps: [{ kind: 'no-answer', afterSeconds: 15 }, { kind: 'answer', afterSeconds: 2 }] },
};
const NUMBERS = Object.keys(CRASH_TELEPHONY);
const ANSWERING_NUMBER = '+14155550100';
const QUEUES = ['callbacks-cf', 'callbacks-af', 'callbacks-auto'];
export const CRASH_AGENTS = ['agent-ada', 'agent-grace', 'agent-alan'];

/** The running gateway as the workload sees it; the URL and the fake domain time change across restarts. */
export interface GatewayLink {
  url(): string;
  token(agentId: string): string;
  now(): number;
  setNow(now: number): void;
}

export type CrashPhase = 'intake' | 'telephony' | 'dial' | 'wrap-up' | 'timers';
export const CRASH_PHASES: readonly CrashPhase[] = ['intake', 'telephony', 'dial', 'wrap-up', 'timers'];

export interface KillPoint {
  phase: CrashPhase;
  /** How long after the triggering request is sent the process is killed. */
  delayMs: number;
  /** Intake: acknowledgements to wait for before killing. */
  count: number;
}

type Policy = 'random' | 'finish';
interface Answer {
  /** 0 when no answer came (the process died). */
  status: number;
  body: unknown;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The traffic the crash matrix kills the gateway under: public intake with idempotency keys,
 * three agent bots driving their interactions through the state machine over REST, and the fake
 * domain clock advanced through the dev endpoint. It records what was acknowledged, so the
 * invariants can check that it all survived.
 */
export function createCrashWorkload(link: GatewayLink, random: SeededRandom) {
  const acknowledgedCallbacks = new Map<string, string>();
  const attemptedBodies = new Map<string, CreateCallbackRequestInput>();
  const acknowledgedCommands: AcknowledgedCommand[] = [];
  const serverErrors: string[] = [];
  let requests = 0;
  let nextKey = 0;

  async function http(method: string, path: string, options: { token?: string; body?: unknown; key?: string } = {}): Promise<Answer> {
    requests += 1;
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.key) headers['idempotency-key'] = options.key;
    let response: Response;
    try {
      response = await fetch(link.url() + path, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
    } catch {
      return { status: 0, body: undefined };
    }
    const text = await response.text().catch(() => '');
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.status >= 500) serverErrors.push(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return { status: response.status, body };
  }

  function newCallbackBody(index: number, overrides: Partial<CreateCallbackRequestInput> = {}): CreateCallbackRequestInput {
    const now = link.now();
    const numbers = [...new Set([random.pick(NUMBERS), ...(random.chance(0.3) ? [random.pick(NUMBERS)] : [])])];
    return {
      queueId: random.pick(QUEUES),
      customer: exampleCustomer({ phoneNumbers: numbers }),
      reason: { code: 'order-issue' },
      shortDescription: `Crash matrix request ${index}`,
      ...(random.chance(0.2) ? { schedule: { type: 'scheduled' as const, start: iso(now + random.int(1, 20) * 60_000) } } : {}),
      ...(random.chance(0.25) ? { expireAt: iso(now + random.int(10, 90) * 60_000) } : {}),
      ...overrides,
    };
  }

  /** One intake request; answers its HTTP status (0 when the process died meanwhile). */
  async function intake(overrides: Partial<CreateCallbackRequestInput> = {}): Promise<number> {
    const index = nextKey++;
    const key = `crash-${index}`;
    const body = newCallbackBody(index, overrides);
    attemptedBodies.set(key, body);
    const answer = await http('POST', '/v1/callbacks', { body, key });
    if (answer.status === 200 || answer.status === 201) acknowledgedCallbacks.set(key, (answer.body as { id: string }).id);
    return answer.status;
  }

  async function advance(milliseconds: number): Promise<boolean> {
    const answer = await http('POST', '/v1/dev/clock/advance', { body: { milliseconds: Math.max(0, Math.round(milliseconds)) } });
    if (answer.status === 200) link.setNow(Date.parse((answer.body as { now: string }).now));
    return answer.status === 200;
  }

  async function openInteractionsOf(agentId: string): Promise<Interaction[]> {
    const answer = await http('GET', '/v1/interactions?open=true&limit=200', { token: link.token(agentId) });
    return answer.status === 200 ? (answer.body as { items: Interaction[] }).items : [];
  }

  async function command(agentId: string, interactionId: string, sent: InteractionCommand): Promise<boolean> {
    const answer = await http('POST', `/v1/interactions/${interactionId}/commands`, { token: link.token(agentId), body: sent });
    if (answer.status !== 200) return false;
    const view = answer.body as Interaction;
    acknowledgedCommands.push({ interactionId: view.id, seq: view.seq, state: view.state });
    return true;
  }

  function choose(view: Interaction, policy: Policy): InteractionCommand | undefined {
    const finish = policy === 'finish';
    const roll = random.next();
    const agentFirst = view.mode === 'agent-first';
    switch (view.state) {
      case 'offered':
        return finish || roll < 0.85 ? { type: 'accept' } : { type: 'reject' };
      case 'previewing':
        if (finish) return { type: 'close-callback' };
        return roll < 0.7 ? { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string } : roll < 0.8 ? { type: 'close-callback' } : undefined;
      case 'no-answer':
        return !finish && roll < 0.5 ? { type: 'redial' } : { type: 'close-callback' };
      case 'connected':
        if (finish || roll < 0.5) return { type: 'end-call' };
        return roll < 0.65 ? { type: 'hold' } : roll < 0.75 ? { type: 'mute' } : undefined;
      case 'on-hold':
        return finish || roll < 0.3 ? { type: 'end-call' } : { type: 'resume' };
      case 'wrap-up':
        return finish || roll < 0.6 ? { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: 'crash matrix' } } : undefined;
      case 'dialing':
        return agentFirst && !finish && roll < 0.1 ? { type: 'end-call' } : undefined;
      default:
        return undefined;
    }
  }

  /** Every agent looks at its open interactions and sends what `pick` chooses, all at once. */
  async function agentsAct(pick: (view: Interaction) => InteractionCommand | undefined, onSent?: () => void): Promise<void> {
    const sends: Array<Promise<boolean>> = [];
    const views = await Promise.all(CRASH_AGENTS.map(async (agentId) => ({ agentId, open: await openInteractionsOf(agentId) })));
    for (const { agentId, open } of views) {
      for (const view of open) {
        const chosen = pick(view);
        if (!chosen) continue;
        sends.push(command(agentId, view.id, chosen));
        onSent?.();
      }
    }
    await Promise.all(sends);
  }

  async function warmUp(steps: number): Promise<void> {
    for (let step = 0; step < steps; step++) {
      await Promise.all(Array.from({ length: random.int(0, 3) }, () => intake()));
      await agentsAct((view) => choose(view, 'random'));
      await advance(random.int(1, 20) * 1000);
    }
  }

  /** Brings the world into a shape where `phase` has something to hit. */
  async function prepare(phase: CrashPhase): Promise<void> {
    await warmUp(random.int(1, 2));
    switch (phase) {
      case 'telephony':
        await Promise.all([intake({ queueId: 'callbacks-cf' }), intake({ queueId: 'callbacks-af' })]);
        await agentsAct((view) =>
          view.state === 'offered' ? { type: 'accept' } : view.state === 'previewing' ? { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string } : undefined,
        );
        return;
      case 'dial':
        await Promise.all([intake({ queueId: 'callbacks-af' }), intake({ queueId: 'callbacks-auto' })]);
        await agentsAct((view) => (view.state === 'offered' ? { type: 'accept' } : undefined));
        return;
      case 'wrap-up':
        await intake({ queueId: 'callbacks-af', customer: exampleCustomer({ phoneNumbers: [ANSWERING_NUMBER] }), schedule: { type: 'asap' } });
        await agentsAct((view) => (view.state === 'offered' ? { type: 'accept' } : undefined));
        await agentsAct((view) => (view.state === 'previewing' ? { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string } : undefined));
        await advance(4000);
        await agentsAct((view) => (view.state === 'offered' ? { type: 'accept' } : undefined));
        return;
      case 'intake':
      case 'timers':
        return;
    }
  }

  /**
   * Sends the phase's burst and calls `kill` `delayMs` after its trigger; always kills in the
   * end, even when the phase found nothing to hit (then it is reported as idle).
   */
  async function strike(point: KillPoint, kill: () => void, earliestDeadline: () => Promise<number | undefined>): Promise<{ idle: boolean }> {
    let triggered = false;
    let killed!: () => void;
    const whenKilled = new Promise<void>((resolve) => (killed = resolve));
    let noteTriggered!: () => void;
    const whenTriggered = new Promise<void>((resolve) => (noteTriggered = resolve));
    const trigger = () => {
      if (triggered) return;
      triggered = true;
      noteTriggered();
      setTimeout(() => {
        kill();
        killed();
      }, point.delayMs);
    };
    const burst: Array<Promise<unknown>> = [];
    switch (point.phase) {
      case 'intake': {
        let acknowledged = 0;
        const worker = async () => {
          for (;;) {
            const status = await intake();
            if (status === 0) return;
            if (status < 300 && ++acknowledged >= point.count) trigger();
          }
        };
        burst.push(...Array.from({ length: 4 }, worker));
        break;
      }
      case 'telephony':
        burst.push(advance(random.int(1, 25) * 1000));
        trigger();
        break;
      case 'dial':
        burst.push(
          agentsAct(
            (view) =>
              view.state === 'previewing' ? { type: 'dial', phoneNumber: view.card.phoneNumbers[0] as string } : view.state === 'no-answer' ? { type: 'redial' } : undefined,
            trigger,
          ),
        );
        break;
      case 'wrap-up':
        burst.push(
          agentsAct(
            (view) =>
              INTERACTION_STATE_TRAITS[view.state].liveCall
                ? { type: 'end-call' }
                : view.state === 'wrap-up'
                  ? { type: 'submit-wrap-up', wrapUp: { reason: 'resolved', notes: 'crash matrix' } }
                  : undefined,
            trigger,
          ),
        );
        break;
      case 'timers': {
        const at = await earliestDeadline();
        if (at !== undefined) {
          burst.push(advance(at - link.now() + random.int(0, 1500)));
          trigger();
        }
        break;
      }
    }
    const settled = Promise.allSettled(burst);
    let giveUpTimer: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => (giveUpTimer = setTimeout(resolve, 10_000)));
    await Promise.race([whenTriggered, settled, giveUp]);
    clearTimeout(giveUpTimer);
    const idle = !triggered;
    trigger();
    await whenKilled;
    await settled;
    return { idle };
  }

  return {
    acknowledgedCallbacks,
    attemptedBodies,
    acknowledgedCommands,
    serverErrors,
    requestCount: () => requests,
    http,
    intake,
    advance,
    command,
    openInteractionsOf,
    agentsAct,
    choose,
    prepare,
    strike,
  };
}

export type CrashWorkload = ReturnType<typeof createCrashWorkload>;
