import type { Agent } from '@icc/protocol';
import { PRESENCE_LABELS } from './presence-labels';

/** What an agent is doing as everybody sees it: the server's presence (Busy and After-call work follow the work). */
export interface WorkPresence {
  /** `presence__dot--<tone>` */
  tone: Agent['presence'];
  label: string;
  /** Start of the time in state, when known. */
  since: string | undefined;
}

/** The presence the server decided, with its time in state (older servers: `availableSince` when Available). */
export function workPresence(agent: Agent): WorkPresence {
  return {
    tone: agent.presence,
    label: PRESENCE_LABELS[agent.presence],
    since: agent.presenceSince ?? (agent.presence === 'available' ? agent.availableSince : undefined),
  };
}
