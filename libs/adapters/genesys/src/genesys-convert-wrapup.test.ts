import { convertToGenesysWrapup } from './genesys-convert-wrapup';
import { mapGenesysWrapup } from './genesys-map-wrapup';

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
