import { formatNumber } from './format-number';

/**
 * The rate ours is driven at, taken from a capacity measured in the same run (the baseline's, as a
 * fixed fraction): a result then means the same on a slower and a faster machine.
 */
export interface DerivedLoad {
  rate: number;
  unit: string;
  fraction: number;
  /** What the capacity was measured on, e.g. "bare express (64 connections, closed loop)". */
  measuredOn: string;
  capacity: number;
}

/** Whole units, at least one: a paced load of 0.4 events per second is no load. */
export function deriveLoad(capacity: number, fraction: number, unit: string, measuredOn: string): DerivedLoad {
  if (!Number.isFinite(capacity) || capacity <= 0) throw new Error(`cannot derive a load from the capacity ${capacity} ${unit} of ${measuredOn}`);
  return { rate: Math.max(1, Math.round(capacity * fraction)), unit, fraction, measuredOn, capacity };
}

/** "1,073 req/s": the short form shown in the table's load column. */
export function loadLabel(load: DerivedLoad): string {
  return `${formatNumber(load.rate)} ${load.unit}`;
}

/** "1,073 req/s = 20 % of the capacity of bare express (…) in this run, 5,365 req/s". */
export function describeDerivedLoad(load: DerivedLoad): string {
  return `${loadLabel(load)} = ${Math.round(load.fraction * 100)} % of the capacity of ${load.measuredOn} in this run, ${formatNumber(load.capacity)} ${load.unit}`;
}
