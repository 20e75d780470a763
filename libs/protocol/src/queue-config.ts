import { z } from 'zod';
import { BusinessHours } from './business-hours';
import { CallingHours } from './calling-hours';
import { DuplicateSettings, SlotSettings } from './callback-capacity';
import { QueueId } from './identifiers';
import { RetryPolicy } from './retry-policy';
import { RoutingMode } from './routing-mode';

/**
 * - `manual`: no timer; the agent presses Call number.
 * - `auto`: Call number happens when `countdownSeconds` after accept run out (the agent may dial earlier).
 *   Genesys: `enableAutoDialAndEnd` + `autoDialDelaySeconds`.
 */
export const DialMethod = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('manual') }),
    z.object({ type: z.literal('auto'), countdownSeconds: z.number().int().min(0).max(1200) }),
  ])
  .meta({ id: 'DialMethod' });
export type DialMethod = z.infer<typeof DialMethod>;

/** What a customer-first vendor does when its call reaches a live voice or an answering machine. */
export const CallReaction = z.enum(['hang-up', 'transfer-to-queue', 'transfer-to-flow']).meta({ id: 'CallReaction' });
export type CallReaction = z.infer<typeof CallReaction>;

/** Settings every version of a queue carries; `QueueConfig` adds the id and the version. */
const queueSettingsShape = {
    name: z.string().min(1).max(80),
    defaultMode: RoutingMode,
    dialMethod: DialMethod,
    /** Auto dial only: wrap-up closes itself after this many seconds (Genesys `autoEndDelaySeconds`). */
    autoCloseSeconds: z.number().int().min(0).max(1200).default(300),
    /** How long an offer alerts before it goes to the next agent (Genesys `alertingTimeoutSeconds`). */
    offerTimeoutSeconds: z.number().int().min(5).max(600).default(30),
    /** Customer-first: customers dialed at once per free agent (Genesys `pacingModifier`). */
    pacing: z.number().min(1).max(10).default(1),
    businessHours: BusinessHours,
    retryPolicy: RetryPolicy,
    /**
     * Labels an agent picks from when closing a callback without a connected call; the workspace
     * offers its own short list when a queue names none. Sent as a `custom` close reason.
     */
    closingReasons: z.array(z.string().trim().min(1).max(80)).max(20).optional(),
    /** Scheduled-callback capacity per slot and hour; absent = the defaults (`slotSettingsOf`). */
    slots: SlotSettings.optional(),
    /** Open callbacks per customer number; absent = one, reject (`duplicateSettingsOf`). */
    duplicates: DuplicateSettings.optional(),
    /**
     * A no-answer retry goes back to the place the callback had in line (true), or to the end of
     * the line, as if requested when the retry came due (false). Absent means true
     * (`retryKeepsPlace` in @icc/core applies that default).
     */
    retryKeepsPlace: z.boolean().optional(),
    /**
     * The customer's hours in which the vendor may dial by itself (customer-first dialing, agent-first
     * auto-dial); outside them such callbacks wait, and the workspace warns before a manual dial.
     * Absent = the default `callingHoursOf` in @icc/core applies.
     */
    callingHours: CallingHours.optional(),
};

export const QueueConfig = z
  .object({
    id: QueueId,
    ...queueSettingsShape,
    /**
     * Assigned by the gateway: 1 when the queue is created, +1 on every change. A callback and its
     * interactions record the version they started with (`queueConfigVersion`) and keep it.
     * Absent only on configurations that were never stored.
     */
    version: z.number().int().min(1).optional(),
    /**
     * Customer-first answer detection, as the vendor reports it (Genesys `liveVoiceReactionType`,
     * `answeringMachineReactionType`); read-only vendor information, never set through the queue API.
     * The in-process engine has no answering-machine detection.
     */
    answerDetection: z.object({ liveVoice: CallReaction.optional(), answeringMachine: CallReaction.optional() }).optional(),
  })
  .meta({ id: 'QueueConfig' });
export type QueueConfig = z.infer<typeof QueueConfig>;
export type QueueConfigInput = z.input<typeof QueueConfig>;

