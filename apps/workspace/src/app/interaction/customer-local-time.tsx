import { useNow } from '../ui/use-now';
import { callingHoursText, customerClock } from './calling-hours';
import bannersCss from '../shell/banners.module.css';
import { cx } from '../ui/cx';

/** The customer's clock now, and whether it is inside calling hours. */
export function CustomerLocalTime({ timeZone }: { timeZone: string }) {
  const clock = customerClock(useNow(), timeZone);
  if (!clock) return <>Unknown ({timeZone})</>;
  return (
    <>
      {clock.weekday} {clock.time} ({timeZone})
      {!clock.withinCallingHours && <span className="cell-secondary">Outside calling hours ({callingHoursText()} customer time)</span>}
    </>
  );
}

/** True while the customer's clock is outside calling hours (false when the zone is unknown). */
export function useOutsideCallingHours(timeZone: string): boolean {
  const clock = customerClock(useNow(), timeZone);
  return clock !== undefined && !clock.withinCallingHours;
}

/**
 * Shown next to Call number when calling now would reach the customer outside calling hours; the
 * dial buttons point to it (`aria-describedby`) so a screen reader hears it before dialing.
 */
export function CallingHoursWarning({ id, timeZone }: { id: string; timeZone: string }) {
  const clock = customerClock(useNow(), timeZone);
  if (!clock || clock.withinCallingHours) return null;
  return (
    <p id={id} className={cx(bannersCss.notice, bannersCss.noticeAttention)}>
      It is {clock.weekday} {clock.time} for the customer ({timeZone}), outside calling hours ({callingHoursText()}). Consider
      rescheduling instead of calling now.
    </p>
  );
}
