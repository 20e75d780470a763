import type { ErrorCode, ErrorIssue } from '@icc/protocol';

/**
 * Codes the client raises itself, when there is no server answer to report (status 0 unless noted):
 * - `network_error`: the request or socket never got an HTTP answer (server down, DNS, CORS, offline).
 * - `invalid_response`: a 2xx answer whose body is not JSON or does not match the protocol schema
 *   (status is the HTTP status); the client and gateway disagree on the contract.
 * - `http_error`: a non-2xx answer without an `ErrorBody` (e.g. a proxy's HTML page); status is the HTTP status.
 * - `invalid_frame`: a stream frame that is not JSON or not a `ServerFrame` (reported, the frame is dropped).
 * - `command_timeout`: a stream command got no `command.result` within `commandTimeoutMs`.
 * - `connection_lost`: the socket dropped while a command was waiting for its result; it may or may
 *   not have been executed, so it is not re-sent (re-read the interaction).
 * - `stream_closed`: the stream was closed (by `close()` or after an auth close) before the command ran.
 * - `listener_failed`: a frame/status listener threw; the stream carries on.
 */
export const CLIENT_ERROR_CODES = [
  'network_error',
  'invalid_response',
  'http_error',
  'invalid_frame',
  'command_timeout',
  'connection_lost',
  'stream_closed',
  'listener_failed',
] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** Every code an `IccApiError` may carry: the gateway's `ErrorCode`s plus the client's own. */
export type IccErrorCode = ErrorCode | ClientErrorCode;

/** Same shape as the protocol's `ErrorBody`, widened to the client's own codes. */
export interface IccErrorBody {
  code: IccErrorCode;
  message: string;
  issues?: ErrorIssue[];
}

/** Thrown (or rejected) by every REST and stream call that fails. */
export class IccApiError extends Error {
  override readonly name = 'IccApiError';
  /** HTTP status; 0 when no HTTP answer was involved (network failure, timeout, closed stream). */
  readonly status: number;
  readonly code: IccErrorCode;
  readonly body: IccErrorBody;

  constructor(status: number, body: IccErrorBody, options?: { cause?: unknown }) {
    super(body.message, options);
    this.status = status;
    this.code = body.code;
    this.body = body;
  }
}

export function isIccApiError(error: unknown): error is IccApiError {
  return error instanceof IccApiError;
}
