import type { ErrorCode } from './error-body';

/** The HTTP status of every protocol error code: the gateway answers with it, and the client
 * gives stream command errors the same status as REST. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthorized: 401,
  forbidden: 403,
  unknown_agent: 403,
  not_found: 404,
  invalid_transition: 409,
  capability_unsupported: 422,
  idempotency_conflict: 409,
  idempotency_key_invalid: 400,
  already_exists: 409,
  /** A write named a version (If-Match) that is no longer the current one. */
  version_conflict: 412,
  /** A write to a versioned resource without If-Match. */
  precondition_required: 428,
  queue_in_use: 409,
  slot_full: 409,
  duplicate_callback: 409,
  rate_limited: 429,
  invalid_signature: 401,
  stale_signature: 401,
  replayed_event: 409,
  protocol_version_unsupported: 400,
  vendor_unavailable: 502,
  storage_unavailable: 503,
  owner_unavailable: 503,
  shutting_down: 503,
  internal_error: 500,
};
