/** One paced run of the search: the rate tried and the p99 it gave. */
export interface SaturationProbe {
  rate: number;
  p99: number;
}

export interface SaturationSearch {
  /** The highest rate tried whose p99 stayed under the limit; null when even the lowest did not. */
  rate: number | null;
  probes: SaturationProbe[];
}

export interface SaturationBounds {
  /** The rate the scenario derived: holding it means holding everything the search would try. */
  high: number;
  /** The lowest rate worth trying. */
  low: number;
  /** p99 must stay under this (exclusive, as the targets are). */
  limit: number;
  /** Paced runs in all, the first at `high`. */
  steps: number;
}

/**
 * The highest rate at which p99 stays under `limit`, by a short search: `high` first, then `low`,
 * then halving the interval between the highest rate that held and the lowest that did not, on a
 * log scale (rates span orders of magnitude). Whole units only.
 */
export async function searchSaturation(runAt: (rate: number) => Promise<number>, bounds: SaturationBounds): Promise<SaturationSearch> {
  const probes: SaturationProbe[] = [];
  const holds = async (rate: number) => {
    const p99 = await runAt(rate);
    probes.push({ rate, p99 });
    return p99 < bounds.limit;
  };
  const high = Math.max(1, Math.round(bounds.high));
  const low = Math.max(1, Math.min(high, Math.round(bounds.low)));
  if (await holds(high)) return { rate: high, probes };
  if (probes.length >= bounds.steps || low === high || !(await holds(low))) return { rate: null, probes };
  let held = low;
  let failed = high;
  while (probes.length < bounds.steps) {
    const next = Math.round(Math.sqrt(held * failed));
    if (next <= held || next >= failed) break;
    if (await holds(next)) held = next;
    else failed = next;
  }
  return { rate: held, probes };
}
