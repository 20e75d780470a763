import type { Exclusive } from '@icc/store-postgres';
import type { CallbackBooking } from '../capacity/callback-booking';

/**
 * Booking checks and their write, one gateway at a time per queue: the gateway's own per-queue
 * turn, then PostgreSQL's (`exclusive('booking:<queue>')`). Creations stay in the turn until their
 * append is durable, since the other gateways' checks read the store and cannot see this one's holds.
 */
export function bookingAcrossGateways(booking: CallbackBooking, exclusive: Exclusive): CallbackBooking {
  return {
    ...booking,
    creationsLeaveTurn: false,
    serialized: (queueId, task) => booking.serialized(queueId, () => exclusive(`booking:${queueId}`, task)),
  };
}
