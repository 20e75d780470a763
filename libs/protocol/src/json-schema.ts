import { z } from 'zod';
import { MESSAGE_SCHEMAS } from './message-schemas';

/** JSON Schema (draft 2020-12) of each protocol message, keyed by message name. */
export function buildJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(MESSAGE_SCHEMAS).map(([name, schema]) => [
      name,
      z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'inline' }),
    ]),
  );
}

export function serializeJsonSchema(schema: unknown): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
