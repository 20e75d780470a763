import type { z } from 'zod';
import type { ParsedPush } from './push-intake';

export type JsonObjectBody = { ok: true; body: Record<string, unknown> } | { ok: false; reason: string };

/** A pushed body that is a JSON object, or why it is not (the reason a `parse` refusal carries). */
export function parseJsonObjectBody(rawBody: string): JsonObjectBody {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'the body is not a JSON object' };
  return { ok: true, body: body as Record<string, unknown> };
}

/**
 * One pushed event read with its schema: the delivery and its event id, or a refusal naming the
 * first mismatch (`<what> does not match the schema at detail.contactId: <message>`).
 */
export function parsePushEvent<Schema extends z.ZodType, Delivery>(
  schema: Schema,
  body: unknown,
  what: string,
  accept: (event: z.output<Schema>) => { delivery: Delivery; id: string },
): ParsedPush<Delivery> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, ...accept(parsed.data) };
  const issue = parsed.error.issues[0];
  const where = issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
  return { ok: false, reason: `${what} does not match the schema at ${where}` };
}
