import { AgentId, CallbackNumber, QueueId, VendorName } from './identifiers';

describe('identifiers', () => {
  it('accepts slugs with dot, dash, colon and underscore', () => {
    for (const id of ['agent-ada', 'q.support', 'genesys:7f3c2a1e', 'A_1']) expect([id, AgentId.safeParse(id).success]).toEqual([id, true]);
  });

  it.each(['', '-leading-dash', 'has space', 'slash/inside', 'x'.repeat(129)])('rejects the id %j', (id) => {
    expect(QueueId.safeParse(id).success).toBe(false);
  });

  it('accepts human callback numbers of at least seven digits', () => {
    expect(CallbackNumber.safeParse('CB0000123').success).toBe(true);
    expect(CallbackNumber.safeParse('CB12345678').success).toBe(true);
    for (const number of ['CB123456', 'CAL0010012', 'cb0000123', 'CB0000123X']) {
      expect([number, CallbackNumber.safeParse(number).success]).toEqual([number, false]);
    }
  });

  it('accepts lower-case vendor names only', () => {
    expect(VendorName.safeParse('amazon-connect').success).toBe(true);
    expect(VendorName.safeParse('Genesys').success).toBe(false);
    expect(VendorName.safeParse('1vendor').success).toBe(false);
  });
});
