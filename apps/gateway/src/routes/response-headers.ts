import { z } from 'zod';

/** `ETag` of a versioned resource: its version, quoted; a write sends it back in `If-Match`. */
export const VERSION_TAG_HEADERS = z.object({
  ETag: z.string().regex(/^"[1-9]\d*"$/).meta({ description: 'The version of the resource, quoted (e.g. "3"); send it as If-Match to change it' }),
});

/** A created resource's `ETag` and where to read it. */
export const CREATED_VERSIONED_HEADERS = VERSION_TAG_HEADERS.extend({
  Location: z.string().regex(/^\/v1\//).meta({ description: 'Path of the created resource' }),
});

/** A refusal for going too fast says when to try again. */
export const RETRY_AFTER_HEADERS = z.object({
  'Retry-After': z.string().regex(/^\d+$/).meta({ description: 'Seconds to wait before retrying' }),
});

/** The customer status page's token for a new callback (base64url HMAC-SHA256, 43 characters); sent once, never stored. */
export const CUSTOMER_STATUS_TOKEN_HEADERS = z.object({
  'ICC-Status-Token': z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .meta({ description: 'Token for GET /v1/callbacks/{callbackId}/status; give it to the customer, it is not shown again' }),
});

/**
 * A customer's answers (the status page behind a token in its URL): never stored by a cache, and the page never sends
 * its URL, token included, as a referrer. Declared as a route's `alwaysHeaders`: on every answer, errors included.
 */
export const PRIVATE_ANSWER_HEADERS = z.object({
  'Cache-Control': z.literal('no-store').meta({ description: 'The answer holds a customer\'s data: no cache keeps it' }),
  'Referrer-Policy': z.literal('no-referrer').meta({ description: 'The URL holds the status token: it is never sent on as a referrer' }),
});

/** The values of headers declared with one fixed value each (`z.literal`), as a route's `alwaysHeaders` are. */
export function fixedHeaderValues(headers: z.ZodObject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers.shape).map(([name, schema]) => {
      if (!(schema instanceof z.ZodLiteral) || typeof schema.value !== 'string') throw new Error(`Header ${name} of alwaysHeaders must be a z.literal string`);
      return [name, schema.value];
    }),
  );
}
