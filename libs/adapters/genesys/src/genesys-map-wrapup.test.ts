import wrapupTimeout from './__fixtures__/conversation-wrapup-timeout.json';
import { GenesysAdapterConfig } from './genesys-config';
import { GENESYS_WRAPUP_TIMEOUT_CODE, mapGenesysWrapup } from './genesys-map-wrapup';

const { wrapupCodes } = GenesysAdapterConfig.parse({
  baseUrl: 'https://api.mypurecloud.com',
  authUrl: 'https://login.mypurecloud.com',
  clientId: 'id',
  clientSecret: 'secret',
  queueMap: {},
  userMap: {},
  wrapupCodes: {
    resolved: '0c7d3f1e-resolved',
    'follow-up-required': 'code-follow-up',
    escalated: 'code-escalated',
    'not-interested': 'code-not-interested',
    'wrong-number': 'code-wrong-number',
    other: 'code-other',
  },
});

describe('mapGenesysWrapup', () => {
  it('reads the after-call-work timeout of the fixture as closed by the system, without a wrap-up', () => {
    const wrapup = wrapupTimeout.eventBody.participants[2]?.wrapup;
    expect(wrapup?.code).toBe(GENESYS_WRAPUP_TIMEOUT_CODE);
    expect(mapGenesysWrapup(wrapup ?? {}, wrapupCodes)).toEqual({ by: 'system' });
  });

  it('maps a configured code back to its ICC reason and keeps the notes', () => {
    expect(mapGenesysWrapup({ code: '0c7d3f1e-resolved', notes: 'Router replaced.' }, wrapupCodes)).toEqual({
      by: 'agent',
      wrapUp: { reason: 'resolved', notes: 'Router replaced.' },
    });
  });

  it('reads an unknown code as other', () => {
    expect(mapGenesysWrapup({ code: 'somebody-elses-code' }, wrapupCodes)).toEqual({ by: 'agent', wrapUp: { reason: 'other', notes: '' } });
  });
});
