import { genesysSandboxCalls } from './genesys-sandbox-adapter';

describe('the sandbox phone script from the dev telephony endpoint', () => {
  it('answers every call the same way for one behaviour', () => {
    expect(genesysSandboxCalls({ kind: 'answer' })).toEqual([{ kind: 'answer', afterSeconds: 3 }]);
  });

  it('scripts call after call for a sequence (no answer first, then answered on Retry call)', () => {
    expect(
      genesysSandboxCalls({
        kind: 'sequence',
        steps: [
          { kind: 'no-answer', afterSeconds: 1 },
          { kind: 'answer', afterSeconds: 1 },
        ],
      }),
    ).toEqual([
      { kind: 'no-answer', afterSeconds: 1 },
      { kind: 'answer', afterSeconds: 1 },
    ]);
  });

  it('refuses what the simulator cannot do', () => {
    expect(() => genesysSandboxCalls({ kind: 'voicemail' })).toThrow();
    expect(() => genesysSandboxCalls({ kind: 'sequence', steps: [] })).toThrow();
  });
});
