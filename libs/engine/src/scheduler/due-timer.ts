/** One scheduled item as handed back when it falls due. */
export interface DueTimer<T> {
  readonly key: string;
  readonly dueAt: number;
  readonly item: T;
}

/** What timers are ordered by, per slot: due time, then insertion order (a later schedule has a larger seq). */
export interface DueColumns {
  readonly dueAt: Float64Array;
  readonly seq: Float64Array;
}
