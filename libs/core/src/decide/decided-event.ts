import type { NewIccEvent } from '@icc/protocol';

/** The new (not yet stored) event of one type, as a decide function returns it. */
export type DecidedEvent<Type extends NewIccEvent['type']> = Extract<NewIccEvent, { type: Type }>;

export const isoAt = (epochMs: number): string => new Date(epochMs).toISOString();
