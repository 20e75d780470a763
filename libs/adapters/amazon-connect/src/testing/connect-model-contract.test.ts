import { checkConnectRequest, connectErrorStatus } from './connect-model-contract';

describe("the Connect model contract (AWS's Smithy model of Amazon Connect)", () => {
  const valid = { InstanceId: 'i-1', ContactFlowId: 'flow-1', Name: 'Callback CB1', Attributes: { iccCallbackId: 'cb-1' }, ClientToken: 'cb-1' };

  it('accepts a request within the model', () => {
    expect(checkConnectRequest('StartTaskContact', valid)).toEqual([]);
  });

  it('names every member the model forbids: a missing required member, a bad attribute key, a length bound, an enum, an unknown member', () => {
    const { Name: _name, ...withoutName } = valid;
    expect(
      checkConnectRequest('StartTaskContact', {
        ...withoutName,
        Attributes: { 'crm.ticket': 'T-1' },
        ClientToken: 'x'.repeat(501),
        Colour: 'blue',
      }),
    ).toEqual([
      'StartTaskContact.Name: required by the model',
      'StartTaskContact.Attributes key "crm.ticket": attribute keys can include only alphanumeric, dash, and underscore characters',
      'StartTaskContact.ClientToken: length 501 is above the model\'s maximum 500',
      'StartTaskContact.Colour: not a member of StartTaskContactRequest',
    ]);
    expect(checkConnectRequest('StartOutboundVoiceContact', { InstanceId: 'i', ContactFlowId: 'f', DestinationPhoneNumber: '+14155552671', TrafficType: 'URGENT' })).toEqual([
      'StartOutboundVoiceContact.TrafficType: "URGENT" is not one of GENERAL, CAMPAIGN',
    ]);
    expect(checkConnectRequest('StopContact', { InstanceId: 'i-1', ContactId: 'c-1', DisconnectReason: { Code: 7 } })).toEqual([
      'StopContact.DisconnectReason.Code: 7 is not a string',
    ]);
  });

  it('holds attributes to 32,768 UTF-8 bytes per contact and phone numbers to E.164', () => {
    const big = Object.fromEntries(Array.from({ length: 33 }, (_, index) => [`k${index}`, 'x'.repeat(1000)]));
    expect(checkConnectRequest('UpdateContactAttributes', { InstanceId: 'i', InitialContactId: 'c', Attributes: big })).toEqual([
      expect.stringMatching(/UpdateContactAttributes\.Attributes: \d+ UTF-8 bytes, above the 32768 per contact/),
    ]);
    expect(checkConnectRequest('StartOutboundVoiceContact', { InstanceId: 'i', ContactFlowId: 'f', DestinationPhoneNumber: '0123' })).toEqual([
      'StartOutboundVoiceContact.DestinationPhoneNumber: "0123" does not match the model\'s pattern ^\\+[1-9]\\d{1,14}$',
    ]);
  });

  it('gives the error statuses of the model', () => {
    expect(connectErrorStatus('ContactNotFoundException')).toBe(410);
    expect(connectErrorStatus('ThrottlingException')).toBe(429);
    expect(connectErrorStatus('ResourceNotFoundException')).toBe(404);
  });
});
