import { IccError } from '@icc/core';
import { ERROR_HTTP_STATUS, type ErrorBody } from '@icc/protocol';

interface BodyParserFailure {
  type?: unknown;
  status?: unknown;
}

/** The protocol answer for anything thrown while handling a request: never a stack trace. */
export function toErrorBody(error: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (error instanceof IccError) return { status: ERROR_HTTP_STATUS[error.code], body: error.toBody(), unexpected: false };
  // The router decoding a path parameter such as `/v1/callbacks/%` (or `%ff`).
  if (error instanceof URIError) return answer('validation_failed', 'The URL is not valid percent-encoded UTF-8');
  const failure = (typeof error === 'object' && error !== null ? error : {}) as BodyParserFailure;
  switch (failure.type) {
    case 'entity.parse.failed':
      return answer('malformed_json', 'The request body is not valid JSON');
    case 'entity.too.large':
      return answer('payload_too_large', 'The request body is larger than 64 KB');
    case 'request.size.invalid':
      return answer('malformed_json', 'The request body does not match its Content-Length');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer('unsupported_media_type', 'Send the body as UTF-8 application/json');
    default:
      return { status: 500, body: { code: 'internal_error', message: 'Something went wrong on our side; try again' }, unexpected: true };
  }
}

function answer(code: keyof typeof ERROR_HTTP_STATUS, message: string) {
  return { status: ERROR_HTTP_STATUS[code], body: { code, message }, unexpected: false };
}
