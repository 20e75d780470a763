/**
 * How a paced phase cuts its events into deliveries:
 * - `as-due`: every driver tick (about 2 ms) sends what fell due since the last one, in deliveries of
 *   at most the phase's size: a vendor forwarding events as they happen (at a few hundred events/s,
 *   deliveries of 1 or 2 events);
 * - `whole`: only whole deliveries of the phase's size (the last may be smaller), so a rate derived
 *   from a burst of deliveries of that size costs per delivery what the burst did.
 */
export type PacedBatching = 'as-due' | 'whole';

/** The sizes of the deliveries to send now, given the events sent and due so far out of `total`. */
export function pacedDeliveries(sent: number, due: number, total: number, deliverySize: number, batching: PacedBatching): number[] {
  const sizes: number[] = [];
  let at = sent;
  while (due - at >= deliverySize) {
    sizes.push(deliverySize);
    at += deliverySize;
  }
  if (at < due && (batching === 'as-due' || due >= total)) sizes.push(due - at);
  return sizes;
}
