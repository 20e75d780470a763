import { callingHoursOf, dialsAutomatically } from '@icc/core';
import type { Interaction, QueueConfig } from '@icc/protocol';
import { callingHoursText, customerClock, nextCallingTime } from '../interaction/calling-hours';
import { useWorkspaceState } from '../session/use-workspace-state';
import { useNow } from '../ui/use-now';

/**
 * Why a waiting callback is not being dialed: the vendor holds automatic dialing outside the
 * customer's calling hours (`callingHours` capability) and this one's customer is outside them.
 * The same rule as the engine's (`dialsAutomatically`, the queue's current `callingHours`).
 */
export function CallingHoursHold({ interaction, queues }: { interaction: Interaction; queues: readonly QueueConfig[] }) {
  const { capabilities } = useWorkspaceState();
  const now = useNow();
  const queue = queues.find((candidate) => candidate.id === interaction.queueId);
  if (interaction.state !== 'queued' || capabilities?.callingHours !== true || !queue || !dialsAutomatically(queue, interaction.mode)) return null;
  const hours = callingHoursOf(queue);
  const timeZone = interaction.card.customerTimeZone;
  const clock = customerClock(now, timeZone, hours);
  if (!clock || clock.withinCallingHours) return null;
  return (
    <span className="cell-secondary">
      Held: outside the customer&apos;s calling hours ({callingHoursText(hours)}, {timeZone}); dialing starts {nextCallingTime(now, timeZone, hours)} customer time
    </span>
  );
}
