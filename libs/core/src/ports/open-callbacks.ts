import { toE164, type Callback, type Interaction } from '@icc/protocol';

/**
 * The open-callback read model (issue 18): what intake's duplicate and capacity checks read, kept
 * at append time so a request reads a few index entries instead of every open callback.
 */
export interface OpenCallbackEntry {
  queueId: string;
  /** The customer's numbers as `comparableNumber` gives them, each once. */
  numbers: string[];
  /** Epoch ms of the scheduled start; absent when the callback is not scheduled. */
  startMs?: number;
}

/** One open scheduled callback's start, as `scheduledStartsOfQueue` lists it. */
export interface ScheduledStart {
  callbackId: string;
  startMs: number;
}

/** A phone number as open callbacks are matched: E.164 when it is a valid international number, else as written. */
export function comparableNumber(number: string): string {
  return toE164(number) ?? number;
}

export function comparableNumbers(numbers: readonly string[]): string[] {
  return [...new Set(numbers.map(comparableNumber))];
}

/**
 * Open: not closed, and the interaction carrying it is open in the callback's queue. A callback
 * whose call was transferred out of the contact center keeps no `closedAt`; its closed
 * interaction is what ends it here.
 */
export function isOpenCallback(callback: Callback | undefined, carrying: Interaction | undefined): callback is Callback {
  return callback !== undefined && callback.closedAt === undefined && carrying !== undefined && carrying.state !== 'closed' && carrying.queueId === callback.queueId;
}

/** The entry of an open callback; normalizes its numbers (libphonenumber), so only when they may have changed. */
export function openCallbackEntry(callback: Callback): OpenCallbackEntry {
  const startMs = startMsOf(callback);
  return { queueId: callback.queueId, numbers: comparableNumbers(callback.customer.phoneNumbers), ...(startMs === undefined ? {} : { startMs }) };
}

/**
 * The open-callback entries a batch changes: the new entry, or `null` when the callback leaves
 * the model. Callbacks whose queue, numbers, start and openness are as before are left out, so
 * most events (offers, dialing, answers) write nothing here and normalize nothing.
 */
export function openCallbackChanges(
  // The projection's lookup (ProjectionLookup), narrowed to what this needs without importing it back.
  lookup: { interaction(interactionId: string): Interaction | undefined; callback(callbackId: string): Callback | undefined },
  interactions: ReadonlyMap<string, Interaction>,
  callbacks: ReadonlyMap<string, Callback>,
): Map<string, OpenCallbackEntry | null> {
  const changes = new Map<string, OpenCallbackEntry | null>();
  const touched = new Set([...callbacks.keys(), ...[...interactions.values()].map((interaction) => interaction.callbackId)]);
  for (const callbackId of touched) {
    const before = lookup.callback(callbackId);
    const after = callbacks.get(callbackId) ?? before;
    const wasOpen = isOpenCallback(before, before && lookup.interaction(before.interactionId));
    const isOpen = isOpenCallback(after, after && (interactions.get(after.interactionId) ?? lookup.interaction(after.interactionId)));
    if (!wasOpen && !isOpen) continue;
    if (wasOpen && isOpen && sameEntryFields(before, after)) continue;
    changes.set(callbackId, isOpen ? openCallbackEntry(after) : null);
  }
  return changes;
}

function startMsOf(callback: Callback): number | undefined {
  return callback.schedule.type === 'scheduled' ? Date.parse(callback.schedule.start) : undefined;
}

function sameEntryFields(before: Callback, after: Callback): boolean {
  const [numbersBefore, numbersAfter] = [before.customer.phoneNumbers, after.customer.phoneNumbers];
  return (
    before.queueId === after.queueId &&
    startMsOf(before) === startMsOf(after) &&
    numbersBefore.length === numbersAfter.length &&
    numbersBefore.every((number, index) => number === numbersAfter[index])
  );
}
