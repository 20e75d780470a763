import type { Interaction, QueueConfig } from "@icc/protocol";
import { callbackRefusals } from "./callback-refusals";

/** How far back a customer's own `waitingSince` may reach: an IVR wait longer than a day is a wrong clock, not a wait. */
export const MAX_WAITING_SINCE_AGE_MS = 24 * 60 * 60 * 1000;

/** Refuses a `waitingSince` in the future or older than `MAX_WAITING_SINCE_AGE_MS` at `now`. */
export function assertWaitingSince(
  waitingSince: string | undefined,
  now: number,
): void {
  if (waitingSince === undefined) return;
  const at = Date.parse(waitingSince);
  if (at > now) throw callbackRefusals.waitingSinceInFuture();
  if (now - at > MAX_WAITING_SINCE_AGE_MS)
    throw callbackRefusals.waitingSinceTooOld();
}

/** The queue's `retryKeepsPlace`, defaulted: a retry keeps its place unless the queue says otherwise. */
export function retryKeepsPlace(
  queue: Pick<QueueConfig, "retryKeepsPlace"> | undefined,
): boolean {
  return queue?.retryKeepsPlace !== false;
}

/** The instant (epoch ms) an interaction's place in an ASAP line counts from. */
export function placeInLineSince(
  interaction: Pick<Interaction, "requestedAt" | "waitingSince">,
): number {
  return Date.parse(interaction.waitingSince ?? interaction.requestedAt);
}
