import { gatewayEnvironment, parseStartArguments } from '../start-options.mjs';

describe('npm start options', () => {
  it('reads --store in both spellings, next to the other options', () => {
    expect(parseStartArguments(['--store', 'postgres', '--no-workspace', '--vendor=mock', '--demo-traffic'])).toEqual({
      env: { ICC_VENDOR: 'mock', ICC_DEMO_TRAFFIC: '1' },
      buildWorkspace: false,
      store: 'postgres',
    });
    expect(parseStartArguments(['--store=sqlite']).store).toBe('sqlite');
    expect(parseStartArguments([])).toEqual({ env: {}, buildWorkspace: true, store: undefined });
  });

  it('refuses what it cannot run, in one line naming the fix', () => {
    expect(() => parseStartArguments(['--store', 'mysql'])).toThrow(
      '--store takes sqlite (the embedded default) or postgres (a local server in data/pg), not mysql; for a server of your own, set ICC_STORE=postgres://… and leave --store out',
    );
    expect(() => parseStartArguments(['--store'])).toThrow('--store needs a value, e.g. --store postgres');
    expect(() => parseStartArguments(['--store', '--no-workspace'])).toThrow('--store needs a value');
    expect(() => parseStartArguments(['--vendor'])).toThrow('--vendor needs a value, e.g. --vendor mock');
    expect(() => parseStartArguments(['--no-workspace=yes'])).toThrow('unknown option --no-workspace=yes');
    expect(() => parseStartArguments(['--postgres'])).toThrow(/^unknown option --postgres; use .*--store <sqlite\|postgres>/);
  });

  const runEnv = { ICC_WORKSPACE_DIR: '/run/workspace', ICC_OPENFRAME_DIR: '/run/openframe' };

  it('gives the gateway the local server as ICC_STORE with --store postgres, over any store URL of the shell', () => {
    const env = gatewayEnvironment(
      { PATH: '/bin', ICC_STORE: 'postgres://elsewhere/db', ICC_DATABASE_URL: 'postgres://other/db' },
      parseStartArguments(['--store', 'postgres', '--vendor', 'mock']),
      { runEnv, postgresUrl: 'postgres://postgres@127.0.0.1:5999/icc' },
    );
    expect(env).toEqual({ PATH: '/bin', ...runEnv, ICC_VENDOR: 'mock', ICC_STORE: 'postgres://postgres@127.0.0.1:5999/icc' });
  });

  it('keeps the embedded store with --store sqlite, and leaves the shell’s choice alone without --store', () => {
    const shell = { PATH: '/bin', ICC_STORE: 'postgres://elsewhere/db', ICC_DATABASE_URL: 'postgres://other/db' };
    expect(gatewayEnvironment(shell, parseStartArguments(['--store', 'sqlite']), { runEnv })).toEqual({ PATH: '/bin', ...runEnv });
    expect(gatewayEnvironment(shell, parseStartArguments([]), { runEnv })).toEqual({ ...shell, ...runEnv });
    expect(gatewayEnvironment({ PATH: '/bin' }, parseStartArguments([]), { runEnv })).not.toHaveProperty('ICC_STORE');
  });
});
