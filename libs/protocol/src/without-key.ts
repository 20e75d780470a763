import type { z } from 'zod';

/** The same object schemas with one key dropped (used to derive request bodies from full messages). */
export function withoutKey(schemas: readonly z.ZodObject[], key: string): z.ZodObject[] {
  return schemas.map((schema) => schema.omit({ [key]: true } as Record<string, true>));
}
