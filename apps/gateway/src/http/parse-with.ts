import { validationError } from '@icc/protocol';
import { IccError } from '@icc/core';
import type { z } from 'zod';

/** Parses with a protocol schema; failures become `400 validation_failed` with the zod issue paths. */
export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown, what: string): z.infer<Schema> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const body = validationError(parsed.error, what);
  throw new IccError(body.code, body.message, body.issues);
}
