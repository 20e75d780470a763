import type { RecordingSink } from './recording-sink';

const RECENT_EVENTS = 15;

/** What the adapter has done so far, for failure messages: every interaction and the latest events. */
export function describeProgress(sink: RecordingSink): string {
  const interactions = sink.interactions().map((interaction) => {
    const attempts = interaction.attempts.map((attempt) => `${attempt.phoneNumber}:${attempt.outcome ?? 'ringing'}`).join(', ');
    return (
      `  ${interaction.id} (${interaction.mode}, queue ${interaction.queueId}): ${interaction.state}` +
      (interaction.outcome ? `/${interaction.outcome}` : '') +
      (interaction.agentId ? `, agent ${interaction.agentId}` : '') +
      (attempts ? `, attempts [${attempts}]` : '')
    );
  });
  const recent = sink.events.slice(-RECENT_EVENTS).map((event) => {
    const subject = event.type === 'agent.presence-changed' ? `${event.agentId} ${event.presence}` : event.interactionId;
    return `  #${event.seq} ${event.at} ${event.type} ${subject}`;
  });
  const violations = sink.violations.map((violation) => `  ${violation}`);
  return [
    `Interactions:${interactions.length ? '\n' + interactions.join('\n') : ' none'}`,
    `Latest events:${recent.length ? '\n' + recent.join('\n') : ' none'}`,
    ...(violations.length ? [`Refused batches:\n${violations.join('\n')}`] : []),
  ].join('\n');
}
