import type { StateTone } from './interaction-state-labels';
import badgesCss from './badges.module.css';
import { capitalized, cx } from './cx';

/** A state shown as text with a colour, never as colour alone. */
export function StateBadge({ label, tone }: { label: string; tone: StateTone }) {
  return (
    <span className={cx(badgesCss.badge, badgesCss[`badge${capitalized(tone)}`])} data-state-badge>
      <span className={badgesCss.badgeDot} aria-hidden="true" />
      {label}
    </span>
  );
}
