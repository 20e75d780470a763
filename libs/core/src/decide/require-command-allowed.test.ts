import { exampleInteraction, type AdapterCapabilities } from '@icc/protocol';
import { refusalOf } from './refusal-of.test-support';
import { requireCommandAllowed } from './require-command-allowed';

const capabilities: AdapterCapabilities = {
  modes: ['agent-first'],
  scheduled: true,
  autoDial: false,
  hold: true,
  mute: true,
  record: true,
  dtmf: true,
  redial: true,
  reschedule: true,
  transferCallback: false,
  transferCall: false,
  consultTransfer: false,
  escalate: false,
};
const queue = { id: 'q-1', dialMethod: { type: 'manual' as const } };
const offered = exampleInteraction({ state: 'offered', agentId: 'agent-ada', queueId: 'q-1' });
const accept = { type: 'accept' as const, interactionId: offered.id };

describe('requireCommandAllowed', () => {
  it("resolves to the interaction's queue when its agent sends an allowed control", () => {
    expect(requireCommandAllowed(offered, { agentId: 'agent-ada', command: accept, queue, capabilities })).toBe(queue);
  });

  it('refuses another agent, a missing queue and a control the state does not allow, each with its own code', () => {
    const otherAgent = refusalOf(() => requireCommandAllowed(offered, { agentId: 'agent-bob', command: accept, queue, capabilities }));
    expect(otherAgent.toBody()).toMatchObject({ code: 'forbidden', message: `Interaction ${offered.id} is not offered to or handled by agent agent-bob` });
    const noQueue = refusalOf(() => requireCommandAllowed(offered, { agentId: 'agent-ada', command: accept, queue: undefined, capabilities }));
    expect(noQueue.toBody()).toMatchObject({ code: 'not_found', message: 'Queue q-1 does not exist' });
    const hold = { type: 'hold' as const, interactionId: offered.id };
    expect(refusalOf(() => requireCommandAllowed(offered, { agentId: 'agent-ada', command: hold, queue, capabilities })).code).toBe('invalid_transition');
  });
});
