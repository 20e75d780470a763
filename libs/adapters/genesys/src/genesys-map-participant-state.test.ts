import { mapGenesysParticipantState } from './genesys-map-participant-state';

describe('mapGenesysParticipantState', () => {
  it.each([
    ['scheduled', 'scheduled'],
    ['alerting', 'ringing'],
    ['dialing', 'ringing'],
    ['contacting', 'ringing'],
    ['offering', 'ringing'],
    ['connected', 'connected'],
    ['disconnected', 'ended'],
    ['terminated', 'ended'],
    ['CONNECTED', 'connected'],
  ])('reads %s as %s', (state, phase) => {
    expect(mapGenesysParticipantState(state)).toBe(phase);
  });

  it.each(['parked', 'uploading', 'none', 'OutdatedSdkVersion'])('has no phase for %s', (state) => {
    expect(mapGenesysParticipantState(state)).toBeUndefined();
  });
});
