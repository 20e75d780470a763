import type { CallingHours } from '@icc/protocol';
import { useNow } from '../ui/use-now';
import { callingHoursText, customerClock } from './calling-hours';
import bannersCss from '../shell/banners.module.css';
import { cx } from '../ui/cx';

/** The customer's clock now, and whether it is inside the queue's calling hours. */
export function CustomerLocalTime({ timeZone, hours }: { timeZone: string; hours: CallingHours }) {
  const clock = customerClock(useNow(), timeZone, hours);
  if (!clock) return <>Unknown ({timeZone})</>;
  return (
    <>
      {clock.weekday} {clock.time} ({timeZone})
      {!clock.withinCallingHours && <span className="cell-secondary">Outside calling hours ({callingHoursText(hours)} customer time)</span>}
    </>
  );
}

/** True while the customer's clock is outside the calling hours (false when the zone is unknown). */
export function useOutsideCallingHours(timeZone: string, hours: CallingHours): boolean {
  const clock = customerClock(useNow(), timeZone, hours);
  return clock !== undefined && !clock.withinCallingHours;
}

/**
 * Shown next to Call number when calling now would reach the customer outside the queue's calling
 * hours; the dial buttons point to it (`aria-describedby`) so a screen reader hears it before dialing.
 */
export function CallingHoursWarning({ id, timeZone, hours }: { id: string; timeZone: string; hours: CallingHours }) {
  const clock = customerClock(useNow(), timeZone, hours);
  if (!clock || clock.withinCallingHours) return null;
  return (
    <p id={id} className={cx(bannersCss.notice, bannersCss.noticeAttention)}>
      It is {clock.weekday} {clock.time} for the customer ({timeZone}), outside calling hours ({callingHoursText(hours)}). Consider
      rescheduling instead of calling now.
    </p>
  );
}
