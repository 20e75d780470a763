import type { StateTone } from './interaction-state-labels';

/** A state shown as text with a colour, never as colour alone. */
export function StateBadge({ label, tone }: { label: string; tone: StateTone }) {
  return (
    <span className={`badge badge--${tone}`}>
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
