import { z } from 'zod';

/**
 * System states: `busy` while the agent works an interaction (preview, dialing, on a call, no-answer),
 * `wrap-up` during after-call work, `not-responding` after the agent let offers time out (cleared
 * by choosing a presence). When the work ends, the presence the agent chose comes back.
 */
export const Presence = z.enum(['offline', 'available', 'busy', 'away', 'wrap-up', 'not-responding']).meta({ id: 'Presence' });
export type Presence = z.infer<typeof Presence>;

/** Presence an agent may choose; `busy` and `wrap-up` are set by the system while the agent works. */
export const SelectablePresence = z.enum(['offline', 'available', 'away']).meta({ id: 'SelectablePresence' });
export type SelectablePresence = z.infer<typeof SelectablePresence>;

/** Body of `PUT /v1/agents/:id/presence`. */
export const SetPresenceRequest = z.strictObject({ presence: SelectablePresence }).meta({ id: 'SetPresenceRequest' });
export type SetPresenceRequest = z.infer<typeof SetPresenceRequest>;

/** The system states that follow the agent's work; the chosen presence returns when the work ends. */
export const WORK_PRESENCES: readonly Presence[] = ['busy', 'wrap-up'];
export const isWorkPresence = (presence: Presence): presence is 'busy' | 'wrap-up' => WORK_PRESENCES.includes(presence);
