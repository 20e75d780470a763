import { FULL_CAPABILITIES } from '@icc/protocol';
import { InvalidTransitionError } from '@icc/core';
import { AGENTS, NUMBERS, createEngineHarness, interactionId } from './__tests__/engine-fixtures';

const ix = interactionId(1);

describe('callback engine: who may do what', () => {
  it('answers another agent’s command with forbidden and changes nothing', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    expect(() => h.execute(AGENTS.grace, { type: 'accept', interactionId: ix })).toThrow(expect.objectContaining({ code: 'forbidden' }));
    expect(h.engine.interaction(ix)).toMatchObject({ state: 'offered', agentId: AGENTS.ada });
  });

  it('answers a command outside allowedControls with invalid_transition', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    const dialBeforeAccept = () => h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    expect(dialBeforeAccept).toThrow(InvalidTransitionError);
    expect(dialBeforeAccept).toThrow(expect.objectContaining({ code: 'invalid_transition' }));

    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    expect(() => h.execute(AGENTS.ada, { type: 'hold', interactionId: ix })).toThrow(InvalidTransitionError);
    expect(() => h.execute(AGENTS.ada, { type: 'accept', interactionId: ix })).toThrow(InvalidTransitionError);
  });

  it('answers a command the vendor cannot do with invalid_transition', () => {
    const h = createEngineHarness({ capabilities: { ...FULL_CAPABILITIES, hold: false } });
    h.presence(AGENTS.ada, 'available');
    h.request(1);
    h.execute(AGENTS.ada, { type: 'accept', interactionId: ix });
    h.execute(AGENTS.ada, { type: 'dial', interactionId: ix, phoneNumber: NUMBERS.first });
    h.telephony(ix, 'answered');
    expect(() => h.execute(AGENTS.ada, { type: 'hold', interactionId: ix })).toThrow(InvalidTransitionError);
  });

  it('answers a command for an unknown interaction with not_found', () => {
    const h = createEngineHarness();
    expect(() => h.execute(AGENTS.ada, { type: 'accept', interactionId: 'ix-nowhere' })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('refuses a customer-first reserved agent any command while the customer is being dialed', () => {
    const h = createEngineHarness();
    h.presence(AGENTS.ada, 'available');
    h.request(1, { queueId: 'q-customer-first' });
    expect(() => h.execute(AGENTS.ada, { type: 'end-call', interactionId: ix })).toThrow(InvalidTransitionError);
  });
});
