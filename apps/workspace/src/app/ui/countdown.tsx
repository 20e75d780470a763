import { formatDuration, remainingMilliseconds } from './format-duration';
import { useNow } from './use-now';
import badgesCss from './badges.module.css';

interface CountdownProps {
  /** ISO instant the countdown reaches zero. */
  until: string;
  /** Text before the time, e.g. "Auto-dial in". */
  label: string;
  id?: string;
  className?: string;
}

/** A ticking `label m:ss`; a timer role, so screen readers do not announce every second. */
export function Countdown({ until, label, id, className }: CountdownProps) {
  const now = useNow();
  const left = remainingMilliseconds(until, now);
  return (
    <span role="timer" id={id} className={className ?? badgesCss.countdown} data-urgent={left <= 10_000 || undefined}>
      {label} {formatDuration(left)}
    </span>
  );
}
