import wrapupTimeout from './__fixtures__/conversation-wrapup-timeout.json';
import { GenesysAdapterConfig } from './genesys-config';
import { convertToGenesysWrapup, GENESYS_WRAPUP_TIMEOUT_CODE, mapGenesysWrapup } from './genesys-wrapup';

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

const codes = {
  resolved: 'c-1',
  'follow-up-required': 'c-2',
  escalated: 'c-3',
  'not-interested': 'c-4',
  'wrong-number': 'c-5',
  other: 'c-6',
} as const;

describe('convertToGenesysWrapup', () => {
  it('sends the configured code for the reason, with the notes', () => {
    expect(convertToGenesysWrapup({ reason: 'wrong-number', notes: 'Dentist, not Maya.' }, codes)).toEqual({ code: 'c-5', notes: 'Dentist, not Maya.' });
  });

  it('round-trips through mapGenesysWrapup for every reason', () => {
    for (const reason of Object.keys(codes) as Array<keyof typeof codes>) {
      expect(mapGenesysWrapup(convertToGenesysWrapup({ reason, notes: 'n' }, codes), codes).wrapUp).toEqual({ reason, notes: 'n' });
    }
  });
});
