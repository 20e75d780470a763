import { escapeLiteral, type QueryResult } from 'pg';
import { projectAppendGroup, type IdempotencyRecord } from '@icc/core';
import type { Callback, Interaction, NewIccEvent } from '@icc/protocol';
import { toAgentPresence, type AgentPresenceRow } from './postgres-projected-batch';

/** What the group's fold reads, filled from the statements' results. */
interface GroupRows {
  bodies: { callback: boolean; id: string; body: Interaction | Callback }[];
  byNumber: { id: string; number: string }[];
  byKey: { id: string; idempotency_key: string; request_hash: string | null }[];
  presences: (AgentPresenceRow & { id: string })[];
}

export interface GroupReads {
  /** Literal statements (values escaped), to send after the append lock's, in the same round trip. */
  statements: readonly string[];
  /** Folds each append as if appended alone (core's `projectAppendGroup`), over the rows `statements` answered. */
  fold(results: readonly QueryResult[], firstSeq: number): ReturnType<typeof projectAppendGroup> & { previous(id: string): Interaction | undefined };
}

/**
 * The read-model rows a group of appends can touch, read inside its transaction: a statement only
 * for the keys the group has (most deliveries create no callback and change no presence).
 */
export function groupReads(appends: readonly (readonly NewIccEvent[])[]): GroupReads {
  const interactionIds = new Set<string>();
  const callbackIds = new Set<string>();
  const agentIds = new Set<string>();
  const numbers = new Set<string>();
  const keys = new Set<string>();
  for (const event of appends.flat()) {
    if (event.type === 'agent.presence-changed') {
      agentIds.add(event.agentId);
      continue;
    }
    interactionIds.add(event.interactionId);
    callbackIds.add(event.callbackId);
    if (event.type === 'interaction.created') {
      callbackIds.add(event.callback.id);
      numbers.add(event.callback.number);
      if (event.callback.idempotencyKey !== undefined) keys.add(event.callback.idempotencyKey);
    }
  }
  const list = (values: ReadonlySet<string>) => `ARRAY[${[...values].map((value) => escapeLiteral(value)).join(', ')}]::text[]`;
  const reads: { into: keyof GroupRows; statement: string }[] = [];
  const read = (into: keyof GroupRows, values: ReadonlySet<string>, statement: () => string) => {
    if (values.size > 0) reads.push({ into, statement: statement() });
  };
  // Interactions with those carrying the batch's callbacks (whether a callback is open depends on
  // its carrier, `isOpenCallback`), and the callbacks: one statement.
  read('bodies', new Set([...interactionIds, ...callbackIds]), () => {
    const callbacks = list(callbackIds);
    return `SELECT false AS callback, id, body FROM interactions WHERE id = ANY(${list(interactionIds)}) OR id IN (SELECT body->>'interactionId' FROM callbacks WHERE id = ANY(${callbacks}))
      UNION ALL SELECT true, id, body FROM callbacks WHERE id = ANY(${callbacks})`;
  });
  read('byNumber', numbers, () => `SELECT id, number FROM callbacks WHERE number = ANY(${list(numbers)})`);
  read('byKey', keys, () => `SELECT id, idempotency_key, request_hash FROM callbacks WHERE idempotency_key = ANY(${list(keys)})`);
  read('presences', agentIds, () => `SELECT id, presence, available_since, presence_seq, presence_since, chosen_presence FROM agents WHERE id = ANY(${list(agentIds)})`);

  return {
    statements: reads.map(({ statement }) => statement),
    fold(results, firstSeq) {
      const rows: GroupRows = { bodies: [], byNumber: [], byKey: [], presences: [] };
      reads.forEach(({ into }, index) => {
        rows[into] = (results[index]?.rows ?? []) as never;
      });
      const interactionById = new Map(rows.bodies.flatMap((row) => (row.callback ? [] : [[row.id, row.body as Interaction] as const])));
      const callbackById = new Map(rows.bodies.flatMap((row) => (row.callback ? [[row.id, row.body as Callback] as const] : [])));
      const idByNumber = new Map(rows.byNumber.map((row) => [row.number, row.id]));
      const recordByKey = new Map<string, IdempotencyRecord>(rows.byKey.map((row) => [row.idempotency_key, { callbackId: row.id, requestHash: row.request_hash ?? '' }]));
      const presenceById = new Map(rows.presences.map((row) => [row.id, toAgentPresence(row)]));
      const folded = projectAppendGroup(
        {
          interaction: (id) => interactionById.get(id),
          callback: (id) => callbackById.get(id),
          agentPresence: (id) => presenceById.get(id),
          callbackIdByNumber: (number) => idByNumber.get(number),
          idempotencyRecord: (key) => recordByKey.get(key),
        },
        appends,
        firstSeq,
      );
      return { ...folded, previous: (id: string) => interactionById.get(id) };
    },
  };
}
