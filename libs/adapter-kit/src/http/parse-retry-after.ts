/**
 * Milliseconds to wait, from a `Retry-After` header: delta-seconds or an HTTP date.
 * `undefined` when the header is absent or unreadable (the caller falls back to backoff).
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // An HTTP date names its day and month; anything else (`-5`) is not a date, however Date.parse reads it.
  const at = /[A-Za-z]/.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
