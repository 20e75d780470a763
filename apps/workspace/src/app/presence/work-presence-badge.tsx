import type { Agent } from '@icc/protocol';
import { ElapsedTime } from '../ui/elapsed-time';
import { workPresence } from './work-presence';
import presenceCss from './presence.module.css';
import { capitalized, cx } from '../ui/cx';

/** The agent's state as a dot, a label and the time in state; the label is a live status. */
export function WorkPresenceBadge({ agent, labelledAs }: { agent: Agent; labelledAs?: string }) {
  const presence = workPresence(agent);
  return (
    <span className={presenceCss.presenceCell}>
      <span className={cx(presenceCss.presenceDot, presenceCss[`presenceDot${capitalized(presence.tone)}`])} aria-hidden="true" />
      <span role={labelledAs ? 'status' : undefined} aria-label={labelledAs}>
        {presence.label}
      </span>
      {presence.since !== undefined && (
        <span className={presenceCss.presenceSince}>
          <ElapsedTime since={presence.since} label={`Time ${presence.label}`} />
        </span>
      )}
    </span>
  );
}
