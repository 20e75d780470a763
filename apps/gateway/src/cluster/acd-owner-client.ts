import { z } from 'zod';
import { Callback, ErrorBody, IccEvent } from '@icc/protocol';
import type { IntakeResult } from '../intake/callback-intake';
import { IccError, type LeaseStore, type Logger } from '@icc/core';
import { ACD_LEASE } from './cluster-settings';
import type { AcdCall } from './acd-calls';
import type { ClusterTokens } from './cluster-tokens';

export const ACD_CALL_PATH = '/internal/v1/acd';

/** Forwards a call to the gateway that runs the ACD, found through the lease. */
export interface AcdOwnerClient {
  call(call: Exclude<AcdCall, { operation: 'createCallback' }>): Promise<IccEvent[]>;
  createCallback(call: Extract<AcdCall, { operation: 'createCallback' }>): Promise<IntakeResult>;
}

export interface AcdOwnerClientOptions {
  leases: LeaseStore;
  tokens: ClusterTokens;
  /** This gateway's own URL: the lease naming it means it is about to run the ACD itself. */
  self(): string;
  logger: Logger;
  /** Per forwarded call. Default 15 s (a vendor's own calls time out sooner). */
  timeoutMs?: number;
  /** Tries when the owner surely did not run the call (refused connection, `owner_unavailable`). Default 3. */
  attempts?: number;
  /** Wait between those tries, for a takeover to settle. Default 250 ms. */
  retryDelayMs?: number;
}

const CallAnswer = z.object({ events: z.array(IccEvent) });
const IntakeAnswer = z.object({ outcome: z.enum(['created', 'replayed', 'updated']), callback: Callback });

/**
 * An internal HTTP hop rather than a commands table: the caller waits for the answer anyway (an
 * agent's command result, 201 with the callback, a 409 `slot_full` with its free slots), so a
 * synchronous hop gives it at once with the owner's own status and body, with no polling and no
 * second copy of the command in the database. What must survive a crash is the log, which only
 * the owner writes, under its lease.
 */
export function createAcdOwnerClient(options: AcdOwnerClientOptions): AcdOwnerClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const attempts = options.attempts ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 250;

  const ownerUrl = async (): Promise<string> => {
    const lease = await options.leases.current(ACD_LEASE);
    if (!lease || lease.holder === options.self()) throw ownerUnavailable('no gateway runs the ACD right now (a takeover is under way)');
    return lease.holder;
  };

  const callOnce = async (call: AcdCall): Promise<unknown> => {
    const owner = await ownerUrl();
    let response: Response;
    try {
      response = await fetch(`${owner}${ACD_CALL_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await options.tokens.current()}` },
        body: JSON.stringify(call),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if (refusedBeforeSending(error)) throw ownerUnavailable(`the gateway running the ACD (${owner}) is unreachable`);
      options.logger.warn({ err: error, owner, operation: call.operation }, 'forwarded call got no answer: it may have taken effect');
      throw new IccError('owner_unavailable', `The gateway running the ACD (${owner}) did not answer in time; the call may have taken effect, retry with the same Idempotency-Key`);
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const error = ErrorBody.safeParse(body);
    if (!error.success) throw new IccError('internal_error', `The gateway running the ACD answered ${response.status} without an error body`);
    const { code, message, issues, ...details } = error.data;
    // The gateway asked no longer runs the ACD (it refused before running anything).
    if (code === 'owner_unavailable') throw new OwnerNotReached(message);
    throw new IccError(code, message, issues, details);
  };

  const callWithRetries = async (call: AcdCall): Promise<unknown> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await callOnce(call);
      } catch (error) {
        if (!(error instanceof OwnerNotReached) || attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  };

  return {
    call: async (call) => CallAnswer.parse(await callWithRetries(call)).events,
    createCallback: async (call) => IntakeAnswer.parse(await callWithRetries(call)),
  };
}

/** `owner_unavailable` where the call surely did not run anywhere: safe to try again. */
class OwnerNotReached extends IccError {
  constructor(message: string) {
    super('owner_unavailable', message);
    this.name = 'OwnerNotReached';
  }
}

function ownerUnavailable(why: string): OwnerNotReached {
  return new OwnerNotReached(`The call cannot be placed: ${why}; retry shortly`);
}

/** A connection that was never made: the owner cannot have run the call. */
function refusedBeforeSending(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
  return code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENOTFOUND';
}
