import { formatDuration } from './format-duration';
import { useNow } from './use-now';

/** Time since `since`, ticking every second: call timers and "wait so far". */
export function ElapsedTime({ since, label }: { since: string; label?: string }) {
  const now = useNow();
  return (
    <span role="timer" aria-label={label}>
      {formatDuration(now - Date.parse(since))}
    </span>
  );
}
