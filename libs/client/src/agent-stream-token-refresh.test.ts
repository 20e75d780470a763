import { exampleSnapshotFrame, exampleWelcomeFrame, WS_CLOSE_CODES, type ClientFrame, type HelloFrame } from '@icc/protocol';
import { eventually, observeStream, type ObservedStream } from './testing/agent-stream-test-kit';
import { startScriptedAgentStreamServer, type ScriptedAgentStreamServer } from './testing/scripted-agent-stream-server';

describe('createAgentStream token refresh', () => {
  let server: ScriptedAgentStreamServer;
  let observed: ObservedStream | undefined;
  beforeEach(async () => {
    server = await startScriptedAgentStreamServer();
  });
  afterEach(async () => {
    observed?.stream.close();
    observed = undefined;
    await server.close();
  });

  /** A session whose token is replaced by `refreshToken`, as the workspace's is. */
  const refreshingSession = (refreshLeadMs: number) => {
    let current = 'token-1';
    let issued = 1;
    const refreshToken = jest.fn(async () => (current = `token-${++issued}`));
    observed = observeStream(server, { getToken: () => current, refreshToken, refreshLeadMs });
    return { refreshToken, observed };
  };

  it('sends a reauth with a fresh token shortly before the current one expires, and again after reauthenticated', async () => {
    const { refreshToken } = refreshingSession(900);
    const connection = await server.nextConnection();
    expect(await connection.nextFrame()).toMatchObject({ type: 'hello', token: 'token-1' });
    connection.send({ ...exampleWelcomeFrame({ headSeq: 3 }), tokenExpiresInSeconds: 1 });
    connection.send(exampleSnapshotFrame({ seq: 3 }));

    expect((await connection.nextFrame()) as ClientFrame).toEqual({ type: 'reauth', token: 'token-2' });
    connection.send({ type: 'reauthenticated', tokenExpiresInSeconds: 1 });
    expect((await connection.nextFrame()) as ClientFrame).toEqual({ type: 'reauth', token: 'token-3' });
    expect(refreshToken).toHaveBeenCalledTimes(2);
    expect(observed?.stream.status).toBe('open');
  });

  it('after a tokenExpired close, refreshes first and resumes under the new token', async () => {
    refreshingSession(60_000);
    const connection = await server.nextConnection();
    await connection.nextFrame();
    connection.send({ ...exampleWelcomeFrame({ headSeq: 5 }), tokenExpiresInSeconds: 3600 });
    connection.send(exampleSnapshotFrame({ seq: 5 }));
    await eventually(() => expect(observed?.stream.status).toBe('open'));
    await connection.close(WS_CLOSE_CODES.tokenExpired, 'token expired');

    const resumed = await server.nextConnection();
    expect((await resumed.nextFrame()) as HelloFrame).toMatchObject({ type: 'hello', token: 'token-2', resumeFrom: 5 });
  });

  it('without refreshToken, sends no reauth and resumes with whatever getToken returns', async () => {
    observed = observeStream(server);
    const connection = await server.nextConnection();
    await connection.nextFrame();
    connection.send({ ...exampleWelcomeFrame({ headSeq: 5 }), tokenExpiresInSeconds: 0 });
    connection.send(exampleSnapshotFrame({ seq: 5 }));
    await eventually(() => expect(observed?.stream.status).toBe('open'));
    await connection.close(WS_CLOSE_CODES.tokenExpired, 'token expired');
    expect((await (await server.nextConnection()).nextFrame()) as HelloFrame).toMatchObject({ type: 'hello', resumeFrom: 5 });
  });
});
