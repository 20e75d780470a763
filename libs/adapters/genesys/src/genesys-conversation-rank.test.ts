import afterCallWork from './__fixtures__/conversation-after-call-work.json';
import alerting from './__fixtures__/conversation-agent-alerting.json';
import heldMuted from './__fixtures__/conversation-call-held-muted.json';
import noAnswer from './__fixtures__/conversation-customer-no-answer.json';
import previewing from './__fixtures__/conversation-agent-previewing-auto-dial.json';
import scheduled from './__fixtures__/conversation-scheduled.json';
import wrapupTimeout from './__fixtures__/conversation-wrapup-timeout.json';
import { GenesysConversation } from './genesys-schemas';
import { rankGenesysConversation } from './genesys-conversation-rank';

const rank = (fixture: { eventBody: unknown }) => rankGenesysConversation(GenesysConversation.parse(fixture.eventBody));

describe('rankGenesysConversation', () => {
  it('grows along the life of a callback', () => {
    const progress = [scheduled, alerting, previewing, noAnswer, afterCallWork, wrapupTimeout].map((fixture) => rank(fixture).progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(new Set(progress).size).toBe(progress.length);
  });

  it('tells call flags apart without calling them progress', () => {
    const body = GenesysConversation.parse(heldMuted.eventBody);
    const resumed = structuredClone(body);
    const agentCall = resumed.participants[2]?.calls?.[0];
    if (agentCall) agentCall.held = false;
    expect(rankGenesysConversation(resumed).progress).toBe(rankGenesysConversation(body).progress);
    expect(rankGenesysConversation(resumed).toggles).not.toBe(rankGenesysConversation(body).toggles);
  });
});
