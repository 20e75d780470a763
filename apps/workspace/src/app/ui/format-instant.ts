const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Local wall-clock time of an ISO instant, e.g. `14:05`. */
export function formatTime(instant: string): string {
  return timeFormat.format(new Date(instant));
}

/** Local date and time of an ISO instant, e.g. `Mar 10, 2026, 14:05`. */
export function formatDateTime(instant: string): string {
  return dateTimeFormat.format(new Date(instant));
}

/** Both clocks, labelled: `Mar 10, 2026, 14:05 your time · Mar 10, 2026, 07:05 customer (America/Los_Angeles)`. */
export function formatBothClocks(instant: string, customerTimeZone: string): string {
  return `${formatDateTime(instant)} your time · ${formatInTimeZone(instant, customerTimeZone).replace(/ \(/, ' customer (')}`;
}

/** The same instant on the customer's clock, e.g. `Mar 10, 2026, 07:05 (America/Los_Angeles)`. */
export function formatInTimeZone(instant: string, timeZone: string): string {
  try {
    const format = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    return `${format.format(new Date(instant))} (${timeZone})`;
  } catch {
    return formatDateTime(instant);
  }
}
