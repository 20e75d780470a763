import { IccError } from '../errors';

/** Where a callback page ends: callbacks are listed newest request first, ties by id descending. */
export interface CallbackPageCursor {
  requestedAtMs: number;
  callbackId: string;
}

/** Opaque base64url form handed out as `nextCursor` (ids are ASCII slugs, so btoa is safe). */
export function encodeCallbackPageCursor(cursor: CallbackPageCursor): string {
  return btoa(JSON.stringify([cursor.requestedAtMs, cursor.callbackId]))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCallbackPageCursor(encoded: string): CallbackPageCursor {
  try {
    const parsed: unknown = JSON.parse(atob(encoded.replace(/-/g, '+').replace(/_/g, '/')));
    if (Array.isArray(parsed) && Number.isFinite(parsed[0]) && typeof parsed[1] === 'string') {
      return { requestedAtMs: parsed[0] as number, callbackId: parsed[1] };
    }
  } catch {
    // fall through to the typed error
  }
  throw new IccError('validation_failed', 'The cursor is not one this server handed out; start again without a cursor');
}

/** True when a callback sorts after the cursor, i.e. belongs to the next page. */
export function isAfterCallbackPageCursor(requestedAtMs: number, callbackId: string, cursor: CallbackPageCursor): boolean {
  return requestedAtMs < cursor.requestedAtMs || (requestedAtMs === cursor.requestedAtMs && callbackId < cursor.callbackId);
}
