import type { ContextCard } from '@icc/protocol';
import { formatDateTime } from '../ui/format-instant';

/** "ASAP", or "Scheduled" with its start when known — the reference product's two types. */
export function callbackTypeLabel(card: Pick<ContextCard, 'type' | 'scheduledAt'>, withTime = false): string {
  if (card.type === 'asap') return 'ASAP';
  return withTime && card.scheduledAt ? `Scheduled · ${formatDateTime(card.scheduledAt)} your time` : 'Scheduled';
}
