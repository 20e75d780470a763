import { exampleAgentCommand, exampleCommandFrame, exampleEventFrame, exampleHelloFrame, exampleSnapshotFrame, exampleWelcomeFrame } from './example-commands';
import { exampleErrorBody, exampleInteraction, exampleQueueStats } from './examples';
import { ClientFrame, ServerFrame, WS_CLOSE_CODES } from './ws-frame';

function issuePaths(result: { error?: { issues: Array<{ path: PropertyKey[] }> } }): PropertyKey[][] {
  return result.error?.issues.map((issue) => issue.path) ?? [];
}

describe('ClientFrame', () => {
  it('accepts hello (with and without resume), command, ping and pong', () => {
    for (const frame of [
      exampleHelloFrame(),
      exampleHelloFrame({ resumeFrom: 41 }),
      exampleCommandFrame(),
      { type: 'ping', at: 1 },
      { type: 'pong' },
    ]) {
      expect(ClientFrame.safeParse(frame).success).toBe(true);
    }
  });

  it.each([
    ['hello without token', { type: 'hello', protocolVersion: '1.0.0' }, ['token']],
    ['hello with a non-semver version', exampleHelloFrame({ protocolVersion: 'v1' }), ['protocolVersion']],
    ['hello resuming from a negative seq', exampleHelloFrame({ resumeFrom: -1 }), ['resumeFrom']],
    ['a command frame with an unknown command', { type: 'command', id: 'c1', command: { type: 'teleport', interactionId: 'ix-0001' } }, ['command', 'type']],
    ['a command frame with a bad number', exampleCommandFrame({ command: exampleAgentCommand('dial', { phoneNumber: '4155552671' }) }), ['command', 'phoneNumber']],
    ['a command frame without id', { type: 'command', command: exampleAgentCommand('accept') }, ['id']],
    ['an unknown frame type', { type: 'subscribe' }, ['type']],
  ])('rejects %s', (_why, frame, path) => {
    expect(issuePaths(ClientFrame.safeParse(frame))).toEqual([path]);
  });

  it('rejects unknown keys on client frames', () => {
    const result = ClientFrame.safeParse({ ...exampleHelloFrame(), agentId: 'agent-ada' });
    expect(result.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['agentId'] })]);
  });
});

describe('ServerFrame', () => {
  it('accepts every server frame', () => {
    for (const frame of [
      exampleWelcomeFrame(),
      exampleSnapshotFrame(),
      exampleEventFrame(),
      { type: 'command.result', id: 'cmd-1', ok: true, interaction: exampleInteraction() },
      { type: 'command.result', id: 'cmd-1', ok: false, error: exampleErrorBody() },
      { type: 'queue.stats', stats: [exampleQueueStats()] },
      { type: 'error', error: exampleErrorBody({ code: 'unauthorized', message: 'Token expired: sign in again' }) },
      { type: 'ping' },
      { type: 'pong', at: 5 },
    ]) {
      expect([frame.type, ServerFrame.safeParse(frame).success]).toEqual([frame.type, true]);
    }
  });

  it('carries a token refresh: reauth from the client, reauthenticated and the welcome\'s token lifetime from the server', () => {
    expect(ClientFrame.safeParse({ type: 'reauth', token: 'eyJ.x.y' }).success).toBe(true);
    expect(ClientFrame.safeParse({ type: 'reauth' }).success).toBe(false);
    expect(ServerFrame.safeParse({ type: 'reauthenticated', tokenExpiresInSeconds: 43_200 }).success).toBe(true);
  });

  it('rejects a failed command result without an error, and an error with an unknown code', () => {
    expect(ServerFrame.safeParse({ type: 'command.result', id: 'cmd-1', ok: false }).success).toBe(false);
    expect(ServerFrame.safeParse({ type: 'error', error: { code: 'oops', message: 'x' } }).success).toBe(false);
  });

  it('rejects an event frame whose interaction is in an unknown state', () => {
    const frame = exampleEventFrame({ interaction: { ...exampleInteraction(), state: 'ringing' as never } });
    expect(ServerFrame.safeParse(frame).success).toBe(false);
  });

  it('keeps resumable close codes in the 4000-4099 range', () => {
    expect(WS_CLOSE_CODES.slowConsumer).toBeGreaterThanOrEqual(4000);
    expect(WS_CLOSE_CODES.serverRestart).toBeLessThan(4100);
    expect(WS_CLOSE_CODES.tokenExpired).toBeLessThan(4100);
    expect(WS_CLOSE_CODES.unauthorized).toBeGreaterThanOrEqual(4100);
  });
});
