import { ConfigError, parseGatewayEnv } from './gateway-config';

describe('parseGatewayEnv', () => {
  it('applies the documented defaults', () => {
    expect(parseGatewayEnv({})).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      ICC_DATA_DIR: './data',
      ICC_VENDOR: 'mock',
      ICC_DEMO_TRAFFIC: false,
      LOG_LEVEL: 'info',
      ICC_INTAKE_RATE_PER_SECOND: 5,
    });
  });

  it('reads flags and numbers; an empty variable counts as unset', () => {
    expect(parseGatewayEnv({ PORT: '0', ICC_DEMO_TRAFFIC: '1', LOG_LEVEL: '' })).toMatchObject({ PORT: 0, ICC_DEMO_TRAFFIC: true, LOG_LEVEL: 'info' });
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ PORT: '70000' }, /^PORT: /],
    [{ ICC_JWT_SECRET: 'short' }, /^ICC_JWT_SECRET: must be at least 32 characters/],
    [{ ICC_FAKE_CLOCK: 'tomorrow' }, /^ICC_FAKE_CLOCK: expected an ISO-8601 instant/],
    [{ LOG_LEVEL: 'loud' }, /^LOG_LEVEL: /],
    [{ ICC_VENDOR: 'Genesys Cloud' }, /^ICC_VENDOR: /],
  ])('names the variable and the problem for %j', (env, message) => {
    expect(() => parseGatewayEnv(env)).toThrow(ConfigError);
    expect(() => parseGatewayEnv(env)).toThrow(message);
  });

  it('refuses the fake clock in production', () => {
    expect(() => parseGatewayEnv({ ICC_FAKE_CLOCK: '2026-03-10T09:00:00Z', NODE_ENV: 'production' })).toThrow(
      'ICC_FAKE_CLOCK: the fake clock is refused when NODE_ENV=production',
    );
  });
});
