/**
 * The sizes of the deliveries a paced phase sends now, given the events sent and due so far: whole
 * deliveries of `deliverySize` while that many are due, and the remainder once all `total` are due.
 * Each delivery is as big as the phase says (the size its rate was derived with), so the paced phase
 * costs per delivery what the capacity was measured at; sending whatever fell due since the last
 * tick made deliveries of 1 or 2 events at a few hundred events/s, many times the deliveries per
 * second of the burst the rate came from.
 */
export function pacedDeliveries(sent: number, due: number, total: number, deliverySize: number): number[] {
  const sizes: number[] = [];
  let at = sent;
  while (due - at >= deliverySize) {
    sizes.push(deliverySize);
    at += deliverySize;
  }
  if (due >= total && at < total) sizes.push(total - at);
  return sizes;
}
