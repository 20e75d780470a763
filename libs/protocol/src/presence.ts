import { z } from 'zod';

/** `not-responding`: set by the system after the agent let offers time out; the agent clears it by choosing a presence. */
export const Presence = z.enum(['offline', 'available', 'busy', 'away', 'wrap-up', 'not-responding']).meta({ id: 'Presence' });
export type Presence = z.infer<typeof Presence>;

/** Presence an agent may choose; `busy` and `wrap-up` are set by the system while handling a call. */
export const SelectablePresence = z.enum(['offline', 'available', 'away']).meta({ id: 'SelectablePresence' });
export type SelectablePresence = z.infer<typeof SelectablePresence>;

/** Body of `PUT /v1/agents/:id/presence`. */
export const SetPresenceRequest = z.strictObject({ presence: SelectablePresence }).meta({ id: 'SetPresenceRequest' });
export type SetPresenceRequest = z.infer<typeof SetPresenceRequest>;
