import { exampleCreateCallbackRequest, exampleScheduledCreateCallbackRequest } from '@icc/protocol';
import publishedRequest from './__fixtures__/create-callback-request.json';
import { convertToGenesysCallback } from './genesys-callback-data';

const identity = { callbackId: 'cb-0001', interactionId: 'ix-0001', number: 'CB0000123' };
const now = Date.parse('2026-03-10T14:05:00Z');
const maps = { skillMap: { routers: 'skill-9f1' }, languageMap: { 'de-DE': 'lang-de' }, userMap: { 'agent-ada': 'user-ada' } };

describe('convertToGenesysCallback', () => {
  it('builds a CreateCallbackCommand in the shape of the published example', () => {
    const command = convertToGenesysCallback(exampleCreateCallbackRequest(), identity, { genesysQueueId: 'q-genesys', now, ...maps });
    expect(Object.keys(publishedRequest).filter((key) => key !== 'routingData').every((key) => key in command)).toBe(true);
    expect(command).toMatchObject({
      queueId: 'q-genesys',
      callbackUserName: 'Maya Lindqvist',
      callbackNumbers: ['+14155552671', '+14155550198'],
      validateCallbackNumbers: true,
    });
    expect(command.callbackScheduledTime).toBeUndefined();
  });

  it('carries the ICC ids and context in data, after the free attributes so they cannot be overwritten', () => {
    const request = exampleCreateCallbackRequest({ attributes: { productModel: 'AX-3000', iccCallbackId: 'spoofed' } });
    const { data } = convertToGenesysCallback(request, identity, { genesysQueueId: 'q', now, ...maps });
    expect(data).toEqual({
      productModel: 'AX-3000',
      iccCallbackId: 'cb-0001',
      iccInteractionId: 'ix-0001',
      iccCallbackNumber: 'CB0000123',
      iccReason: 'product-issue',
      iccShortDescription: 'Router keeps dropping the connection',
      iccCaseRef: 'CS0042017',
      iccIvrPath: 'main-menu > support > callback',
    });
  });

  it('schedules a future callback and sends the script when configured', () => {
    const command = convertToGenesysCallback(exampleScheduledCreateCallbackRequest(), identity, { genesysQueueId: 'q', now, scriptId: 'script-1', ...maps });
    expect(command).toMatchObject({ callbackScheduledTime: '2026-03-11T16:00:00.000Z', scriptId: 'script-1', callbackNumbers: ['+33142685300'] });
  });

  it('queues at once a scheduled callback whose start has passed', () => {
    const command = convertToGenesysCallback(exampleScheduledCreateCallbackRequest(), identity, { genesysQueueId: 'q', now: Date.parse('2026-03-12T00:00:00Z'), ...maps });
    expect(command.callbackScheduledTime).toBeUndefined();
  });

  it('sends the label of a custom reason', () => {
    const request = exampleCreateCallbackRequest({ reason: { code: 'custom', label: 'Warranty claim' } });
    expect(convertToGenesysCallback(request, identity, { genesysQueueId: 'q', now, ...maps }).data?.['iccReason']).toBe('Warranty claim');
  });

  it('sends caller id and RoutingData (skills, language, priority, preferred agents as the org ids) when the request names them', () => {
    const request = { ...exampleCreateCallbackRequest(), callerId: '+14155550100', callerIdName: 'Acme Support', routing: { skills: ['routers'], language: 'de-DE', priority: 7, preferredAgentIds: ['agent-ada'] } };
    expect(convertToGenesysCallback(request, identity, { genesysQueueId: 'q', now, ...maps })).toMatchObject({
      queueId: 'q',
      callerId: '+14155550100',
      callerIdName: 'Acme Support',
      routingData: { queueId: 'q', skillIds: ['skill-9f1'], languageId: 'lang-de', priority: 7, preferredAgentIds: ['user-ada'] },
    });
    expect(convertToGenesysCallback(exampleCreateCallbackRequest(), identity, { genesysQueueId: 'q', now, ...maps })).not.toHaveProperty('routingData');
  });

  it('refuses a skill, language or agent the org maps do not know, with its path', () => {
    const convert = (routing: object) => () => convertToGenesysCallback({ ...exampleCreateCallbackRequest(), routing }, identity, { genesysQueueId: 'q', now, ...maps });
    expect(convert({ skills: ['routers', 'fibre'] })).toThrow(expect.objectContaining({ code: 'validation_failed', issues: [expect.objectContaining({ path: ['routing', 'skills', 1] })] }));
    expect(convert({ language: 'fr-FR' })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ['routing', 'language'] })] }));
    expect(convert({ preferredAgentIds: ['agent-nobody'] })).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: ['routing', 'preferredAgentIds', 0] })] }));
  });
});
