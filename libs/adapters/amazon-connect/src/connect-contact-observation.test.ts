import { instantOf, sortObservations, userIdFromAgentArn } from './connect-contact-observation';

describe('contact observation helpers', () => {
  it('reads user ids from agent ARNs, and nothing from placeholders', () => {
    expect(userIdFromAgentArn('arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/user-7')).toBe('user-7');
    expect(userIdFromAgentArn('arn')).toBeUndefined();
  });

  it("treats the samples' 1970 placeholders as absent", () => {
    expect(instantOf('1970-01-01T00:00:00.001Z')).toBeUndefined();
    expect(instantOf('2021-08-04T17:29:09.000Z')).toBe(Date.parse('2021-08-04T17:29:09.000Z'));
    expect(instantOf(new Date('2021-08-04T17:29:09.000Z'))).toBe(Date.parse('2021-08-04T17:29:09.000Z'));
    expect(instantOf(null)).toBeUndefined();
  });

  it('orders facts by instant, and facts of one instant by cause', () => {
    const sorted = sortObservations([
      { kind: 'disconnected', contactId: 'c', at: 5, answered: true },
      { kind: 'answered', contactId: 'c', at: 5 },
      { kind: 'queued', contactId: 'c', at: 1 },
    ]);
    expect(sorted.map((fact) => fact.kind)).toEqual(['queued', 'answered', 'disconnected']);
  });
});
