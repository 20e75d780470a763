import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { checkConnectRequest, connectErrorStatus } from './connect-model-contract';
import { loadConnectServiceModel } from './connect-service-model';

describe("the Connect model contract (botocore's service model of Amazon Connect)", () => {
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
    expect(checkConnectRequest('StartTaskContact', { ...valid, Name: 'n'.repeat(513), ScheduledTime: 'tomorrow' })).toEqual([
      "StartTaskContact.Name: length 513 is above the model's maximum 512",
      'StartTaskContact.ScheduledTime: "tomorrow" is not a timestamp',
    ]);
  });

  it('accepts, unchecked, members the installed SDK knows and the Dec 2022 model does not', () => {
    expect(checkConnectRequest('StopContact', { InstanceId: 'i-1', ContactId: 'c-1', DisconnectReason: { Code: 'OTHER' } })).toEqual([]);
  });

  it('holds attributes to 32,768 UTF-8 bytes per contact and phone numbers to E.164', () => {
    const big = Object.fromEntries(Array.from({ length: 33 }, (_, index) => [`k${index}`, 'x'.repeat(1000)]));
    expect(checkConnectRequest('UpdateContactAttributes', { InstanceId: 'i', InitialContactId: 'c', Attributes: big })).toEqual([
      expect.stringMatching(/UpdateContactAttributes\.Attributes: \d+ UTF-8 bytes, above the 32768 per contact/),
    ]);
    expect(checkConnectRequest('StartOutboundVoiceContact', { InstanceId: 'i', ContactFlowId: 'f', DestinationPhoneNumber: '0123' })).toEqual([
      'StartOutboundVoiceContact.DestinationPhoneNumber: "0123" does not match the model\'s pattern \\+[1-9]\\d{1,14}$',
    ]);
  });

  it('gives the error statuses of the model', () => {
    expect(connectErrorStatus('ContactNotFoundException')).toBe(410);
    expect(connectErrorStatus('ThrottlingException')).toBe(429);
    expect(connectErrorStatus('ResourceNotFoundException')).toBe(404);
  });
});

describe("reading botocore's Connect model", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'connect-model-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the gzipped model of other botocore versions', () => {
    const model = { metadata: { apiVersion: '2017-08-08', serviceId: 'Connect' }, operations: {}, shapes: {} };
    writeFileSync(join(dir, 'service-2.json.gz'), gzipSync(JSON.stringify(model)));
    expect(loadConnectServiceModel(join(dir, 'service-2.json'))).toEqual(model);
  });

  it('names the Debian package when the model is missing', () => {
    expect(() => loadConnectServiceModel(join(dir, 'service-2.json'))).toThrow(
      "Amazon Connect's service model is read from Debian's python3-botocore: apt-get install python3-botocore",
    );
  });
});
