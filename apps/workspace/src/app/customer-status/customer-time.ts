/**
 * An instant on the customer's clock, labelled with their zone: `Wednesday, March 11, 2026 at 11:10 GMT+1 (Europe/Zagreb)`.
 * (`dateStyle`/`timeStyle` cannot be combined with `timeZoneName`: Intl throws, so the fields are spelled out.)
 */
export function customerTime(instant: string, timeZone: string): string {
  const format = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
    timeZoneName: 'short',
  });
  return `${format.format(new Date(instant))} (${timeZone})`;
}
