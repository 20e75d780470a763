import { z } from 'zod';

/**
 * - `scheduled`: waits for its start time (or business hours).
 * - `queued`: waits for a free agent (customer-first: customer may already be on the line).
 * - `offered`: alerting in one agent's inbox.
 * - `previewing`: agent-first, accepted; the agent reads the context card before dialing.
 * - `transferring`: agent-first, a transfer of the callback waits for the receiver to accept.
 * - `dialing`: the customer's phone is ringing.
 * - `connected`: agent and customer are talking.
 * - `on-hold`: the agent put the customer on hold.
 * - `no-answer`: the last attempt was not answered (busy, no answer, failed).
 * - `retry-wait`: customer-first, waiting for the retry interval.
 * - `wrap-up`: call ended, the agent records reason and notes.
 * - `closed`: terminal; see the outcome.
 */
export const InteractionState = z
  .enum([
    'scheduled',
    'queued',
    'offered',
    'previewing',
    'transferring',
    'dialing',
    'connected',
    'on-hold',
    'no-answer',
    'retry-wait',
    'wrap-up',
    'closed',
  ])
  .meta({ id: 'InteractionState' });
export type InteractionState = z.infer<typeof InteractionState>;

/** How a closed interaction ended. */
export const InteractionOutcome = z
  .enum(['completed', 'no-answer', 'cancelled', 'failed', 'expired', 'transferred'])
  .meta({ id: 'InteractionOutcome' });
export type InteractionOutcome = z.infer<typeof InteractionOutcome>;

/** Why a dial attempt did not connect. */
export const DialFailure = z.enum(['no-answer', 'busy', 'failed', 'voicemail']).meta({ id: 'DialFailure' });
export type DialFailure = z.infer<typeof DialFailure>;
