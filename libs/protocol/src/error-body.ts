import { z } from 'zod';
import { Callback } from './callback';
import { Instant } from './instant';

/** Stable, machine-readable error codes. Every 4xx/5xx body and failed command result carries one. */
export const ErrorCode = z
  .enum([
    'validation_failed',
    'malformed_json',
    'payload_too_large',
    'unsupported_media_type',
    'unauthorized',
    'forbidden',
    /** A valid identity-provider token whose agent claim names no ICC agent. */
    'unknown_agent',
    'not_found',
    'invalid_transition',
    'capability_unsupported',
    'idempotency_conflict',
    'idempotency_key_invalid',
    'already_exists',
    'version_conflict',
    'precondition_required',
    'queue_in_use',
    /** A scheduled start whose slot (or hour) has no seat left; `nextFreeSlots` lists starts that do. */
    'slot_full',
    /** The queue already has its allowed open callbacks for this customer number; `existingCallback` is one. */
    'duplicate_callback',
    'rate_limited',
    'invalid_signature',
    'stale_signature',
    'replayed_event',
    'protocol_version_unsupported',
    'vendor_unavailable',
    'storage_unavailable',
    /** Cluster: no gateway holds the lease of the ACD right now (a takeover is under way); retry after `Retry-After`. */
    'owner_unavailable',
    'shutting_down',
    'internal_error',
  ])
  .meta({ id: 'ErrorCode' });
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorIssue = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
    code: z.string(),
  })
  .meta({ id: 'ErrorIssue' });
export type ErrorIssue = z.infer<typeof ErrorIssue>;

export const ErrorBody = z
  .object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(ErrorIssue).optional(),
    /** `slot_full`: the next starts with a free seat, soonest first. */
    nextFreeSlots: z.array(Instant).optional(),
    /** `duplicate_callback`: the open callback of the same customer number. */
    existingCallback: Callback.optional(),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** Turns zod issues into the protocol's `issues[]`, keeping each path. */
export function toErrorIssues(issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  return issues.map((issue) => ({
    path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
    message: issue.message,
    code: issue.code,
  }));
}

export function validationError(error: z.ZodError, what = 'Request'): ErrorBody {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return {
    code: 'validation_failed',
    message: `${what} is invalid${where}: ${first?.message ?? 'unknown problem'}`,
    issues: toErrorIssues(error.issues),
  };
}
