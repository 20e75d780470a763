import type { AgentStream } from './agent-stream';
import type { InteractionStore } from './interaction-store';

/** Feeds every frame of `stream` into `store`; returns the function that stops it. */
export function connectStore(
  stream: Pick<AgentStream, 'subscribe' | 'welcome'>,
  store: Pick<InteractionStore, 'apply'>,
): () => void {
  // A welcome that arrived before wiring still names the agent, vendor and capabilities.
  if (stream.welcome) store.apply(stream.welcome);
  return stream.subscribe((frame) => store.apply(frame));
}
