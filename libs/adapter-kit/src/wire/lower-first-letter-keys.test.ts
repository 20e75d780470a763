import { lowerFirstLetterKeys } from './lower-first-letter-keys';

describe('lowerFirstLetterKeys', () => {
  it('lower-cases the first letter of PascalCase keys at any depth, arrays included', () => {
    const payload = { EventType: 'QUEUED', AgentInfo: { AgentArn: 'arn' }, contacts: [{ ContactId: 'c-1' }] };
    expect(lowerFirstLetterKeys(payload)).toEqual({ eventType: 'QUEUED', agentInfo: { agentArn: 'arn' }, contacts: [{ contactId: 'c-1' }] });
  });

  it('keeps acronym keys, camelCase keys and every value as they are', () => {
    expect(lowerFirstLetterKeys({ ARN: 'Value', ID: 1, contactId: 'Id', Nested: null })).toEqual({ ARN: 'Value', ID: 1, contactId: 'Id', nested: null });
    expect(lowerFirstLetterKeys('Text')).toBe('Text');
  });
});
