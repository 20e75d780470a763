import { z } from 'zod';
import { CallbackState } from './callback-state';
import { SLOT_RANGE, withSlotRangeRules } from './callback-capacity';
import { IanaTimeZone } from './iana-time-zone';
import { Instant } from './instant';

/** What each callback state means to the customer who asked for it (the status page's words). */
export const CUSTOMER_STATE_WORDS: Readonly<Record<CallbackState, string>> = {
  pending: 'Waiting for the next available agent',
  'in-progress': 'An agent is calling you now',
  completed: 'We called you back',
  cancelled: 'Cancelled',
  expired: 'We could not call you back in time',
  failed: 'We could not reach you',
};

/** Query of the customer status routes: the token returned once when the callback was created. */
const StatusToken = z.string().min(20).max(200);
export const CustomerStatusQuery = z.object({ token: StatusToken }).meta({ id: 'CustomerStatusQuery' });

/** Query of `GET /v1/callbacks/:id/status/slots`: the token and the range (at most 7 days) of the queue's slots to list. */
export const CustomerSlotsQuery = withSlotRangeRules(z.strictObject({ token: StatusToken, ...SLOT_RANGE })).meta({ id: 'CustomerSlotsQuery' });
export type CustomerSlotsQuery = z.infer<typeof CustomerSlotsQuery>;

/** `GET /v1/callbacks/:id/status`: a callback as its customer sees it (no agent, no notes). */
export const CustomerCallbackStatus = z
  .object({
    callbackId: z.string(),
    number: z.string(),
    state: CallbackState,
    /** `state` in the customer's words. */
    stateText: z.string(),
    /** 1 = next; null when not waiting in line. */
    position: z.number().int().min(1).nullable(),
    estimatedWaitSeconds: z.number().min(0).nullable(),
    /** The scheduled start, when the callback is scheduled. */
    scheduledAt: Instant.nullable(),
    /** The customer's time zone (given at creation): the page shows times on this clock, and free slots' `localStart` use it. */
    timeZone: IanaTimeZone,
    /** The customer may still cancel or move it. */
    changeable: z.boolean(),
  })
  .meta({ id: 'CustomerCallbackStatus' });
export type CustomerCallbackStatus = z.infer<typeof CustomerCallbackStatus>;

/** Body of `POST /v1/callbacks/:id/status/move`: the new start the customer picked (same queue, same numbers). */
export const CustomerMoveRequest = z.strictObject({ start: Instant }).meta({ id: 'CustomerMoveRequest' });
export type CustomerMoveRequest = z.infer<typeof CustomerMoveRequest>;
