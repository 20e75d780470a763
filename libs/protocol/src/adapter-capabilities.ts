import { z } from 'zod';
import { RoutingMode } from './routing-mode';

/** What a vendor adapter can do. Controls and conformance scenarios are derived from this data. */
export const AdapterCapabilities = z
  .object({
    modes: z.array(RoutingMode).min(1),
    scheduled: z.boolean(),
    autoDial: z.boolean(),
    hold: z.boolean(),
    mute: z.boolean(),
    record: z.boolean(),
    dtmf: z.boolean(),
    redial: z.boolean(),
    reschedule: z.boolean(),
    /** A reschedule may also move the callback to another queue and change the customer's numbers (absent: no). */
    rescheduleMove: z.boolean().optional(),
    transferCallback: z.boolean(),
    transferCall: z.boolean(),
    /** A live call can be transferred blind to a queue, the customer waiting there on the line (absent: no). */
    transferCallToQueue: z.boolean().optional(),
    /** A live call can be transferred blind to an outside number, leaving ICC (absent: no). */
    transferCallExternal: z.boolean().optional(),
    consultTransfer: z.boolean(),
    escalate: z.boolean(),
    /**
     * The agent can push back the automatic close of wrap-up (`extend-wrap-up`). Optional: absent
     * means no, so adapters that never enforce an after-call-work deadline need not name it.
     */
    extendWrapUp: z.boolean().optional(),
    /**
     * A callback may carry `waitingSince` and ASAP ordering honours it; a no-answer retry follows the
     * queue's `retryKeepsPlace`. Absent means no: a request with `waitingSince` is refused.
     */
    keepsPlace: z.boolean().optional(),
    /**
     * A callback can be kept for one agent (`assignedAgentId` on intake or reschedule, "call me back
     * Tuesday") and the vendor routes it to that agent only. Absent means no: such a request is refused.
     */
    keptCallbacks: z.boolean().optional(),
    /**
     * The vendor holds automatic dialing (customer-first dialing, agent-first auto-dial) while the
     * customer is outside the queue's calling hours. Absent means no: the queue's calling hours only
     * drive the workspace's warning before a manual dial.
     */
    callingHours: z.boolean().optional(),
    /**
     * Why a capability is false, in words an agent understands (capability name → reason), so the
     * workspace can say why a control is greyed. Optional; added for issue 15 (Amazon Connect).
     */
    reasons: z.record(z.string(), z.string().min(1).max(300)).optional(),
  })
  .meta({ id: 'AdapterCapabilities' });
export type AdapterCapabilities = z.infer<typeof AdapterCapabilities>;

export const FULL_CAPABILITIES: AdapterCapabilities = {
  modes: ['customer-first', 'agent-first'],
  scheduled: true,
  autoDial: true,
  hold: true,
  mute: true,
  record: true,
  dtmf: true,
  redial: true,
  reschedule: true,
  transferCallback: true,
  transferCall: true,
  transferCallToQueue: true,
  transferCallExternal: true,
  consultTransfer: true,
  escalate: true,
  extendWrapUp: true,
  keepsPlace: true,
  keptCallbacks: true,
  callingHours: true,
};
