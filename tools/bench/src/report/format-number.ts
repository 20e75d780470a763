/**
 * Thousands separators and a precision that suits the magnitude: 12,345 / 123.4 / 1.23 / 0.012.
 * Fixed locale so the table reads the same on every machine.
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1000 || Number.isInteger(value) ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  return ratio >= 100 ? `${Math.round(ratio).toLocaleString('en-US')}×` : `${ratio.toFixed(2)}×`;
}
