import { reduceInteraction, type AsyncEventStore } from '@icc/core';
import { isInteractionEvent, type IccEvent, type Interaction, type QueueHistory, type QueueHistoryPoint, type QueueHistoryQuery } from '@icc/protocol';
import { firstSeqSince } from './first-seq-since';

const READ_CHUNK = 5_000;
/** Bounds the work of one request on a busy log; the newest events are the ones kept. */
const MAX_EVENTS = 200_000;

interface Moment {
  atMs: number;
  view: Interaction;
  event: IccEvent;
}

/**
 * A queue's last minutes in buckets, computed from the event log and the read models: each
 * interaction touched in the window is folded from its whole history (so its state at any bucket
 * end is known), and those waiting untouched through the window come from the open interactions.
 */
export async function buildQueueHistory(store: AsyncEventStore, queueIds: readonly string[], now: number, query: QueueHistoryQuery): Promise<QueueHistory> {
  const bucketMs = query.bucketSeconds * 1000;
  const buckets = Math.max(1, Math.ceil((query.minutes * 60_000) / bucketMs));
  const fromMs = now - buckets * bucketMs;
  const ends = Array.from({ length: buckets }, (_, index) => fromMs + (index + 1) * bucketMs);
  const points = new Map(queueIds.map((queueId) => [queueId, ends.map((end) => emptyPoint(end))]));
  const accepted = new Map(queueIds.map((queueId) => [queueId, ends.map(() => ({ total: 0, inTime: 0 }))]));

  const firstSeq = Math.max(await firstSeqSince(store, fromMs), (await store.headSeq()) - MAX_EVENTS + 1);
  const touched = await touchedInteractions(store, firstSeq);
  const timelines = await Promise.all([...touched].map(async (id) => foldHistory(await store.readInteraction(id))));
  for (const waiting of await store.openInteractions()) {
    if (!touched.has(waiting.id) && waiting.state === 'queued') timelines.push([{ atMs: -Infinity, view: waiting, event: undefined as never }]);
  }

  for (const timeline of timelines) {
    // Backlog at each bucket end: the state the interaction was in then.
    let index = 0;
    ends.forEach((end, bucket) => {
      while (index < timeline.length && (timeline[index] as Moment).atMs <= end) index += 1;
      const view = timeline[index - 1]?.view;
      const point = view && points.get(view.queueId)?.[bucket];
      if (!view || !point || view.state !== 'queued') return;
      point.depth += 1;
      point.oldestWaitSeconds = Math.max(point.oldestWaitSeconds, Math.max(0, (end - Date.parse(view.requestedAt)) / 1000));
    });
    // Flows: what happened in each bucket.
    timeline.forEach((moment, at) => {
      if (moment.event === undefined || moment.event.seq < firstSeq || moment.atMs < fromMs) return;
      const bucket = Math.min(buckets - 1, Math.floor((moment.atMs - fromMs) / bucketMs));
      const queueId = (timeline[at - 1]?.view ?? moment.view).queueId;
      const point = points.get(queueId)?.[bucket];
      if (!point) return;
      const { event } = moment;
      if (event.type === 'interaction.offered') point.offered += 1;
      else if (event.type === 'interaction.offer-declined' && event.cause !== 'agent-unavailable') point.missed += 1;
      else if (event.type === 'interaction.accepted') {
        point.accepted += 1;
        const tally = accepted.get(queueId)?.[bucket];
        if (!tally) return;
        tally.total += 1;
        if (moment.atMs - dueAtMs(moment.view) <= query.serviceLevelSeconds * 1000) tally.inTime += 1;
      }
    });
  }

  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(now).toISOString(),
    bucketSeconds: query.bucketSeconds,
    serviceLevelSeconds: query.serviceLevelSeconds,
    queues: queueIds.map((queueId) => ({
      queueId,
      points: (points.get(queueId) ?? []).map((point, bucket) => {
        const tally = accepted.get(queueId)?.[bucket];
        return { ...point, serviceLevel: tally && tally.total > 0 ? tally.inTime / tally.total : null };
      }),
    })),
  };
}

function emptyPoint(endMs: number): QueueHistoryPoint {
  return { at: new Date(endMs).toISOString(), depth: 0, oldestWaitSeconds: 0, offered: 0, accepted: 0, missed: 0, serviceLevel: null };
}

async function touchedInteractions(store: AsyncEventStore, firstSeq: number): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after = firstSeq - 1; ; ) {
    const events = await store.readAfter(after, READ_CHUNK);
    for (const event of events) if (isInteractionEvent(event)) ids.add(event.interactionId);
    const last = events[events.length - 1];
    if (!last || events.length < READ_CHUNK) return ids;
    after = last.seq;
  }
}

function foldHistory(history: readonly IccEvent[]): Moment[] {
  const moments: Moment[] = [];
  let view: Interaction | undefined;
  for (const event of history) {
    if (!isInteractionEvent(event)) continue;
    view = reduceInteraction(view, event);
    moments.push({ atMs: Date.parse(event.at), view, event });
  }
  return moments;
}

/** When the callback became due: its scheduled start, or its request. */
function dueAtMs(interaction: Interaction): number {
  return Date.parse(interaction.scheduledAt ?? interaction.requestedAt);
}
