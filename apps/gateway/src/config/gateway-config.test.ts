import { ConfigError, parseGatewayEnv } from './gateway-config';
import { storeUrlOf } from './gateway-options-from-env';

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

  describe('store selection', () => {
    const url = 'postgres://icc:secret@db:5432/icc';

    it.each([
      [{}, undefined],
      [{ ICC_STORE: url }, url],
      [{ ICC_STORE: 'postgresql://db/icc' }, 'postgresql://db/icc'],
      [{ ICC_DATABASE_URL: url }, url],
      [{ ICC_STORE: 'sqlite', ICC_DATABASE_URL: url }, undefined],
      [{ ICC_STORE: url, ICC_DATABASE_URL: 'postgres://other/db' }, url],
    ])('%j opens PostgreSQL at %j (else SQLite)', (env, expected) => {
      expect(storeUrlOf(parseGatewayEnv(env))).toBe(expected);
    });

    it('refuses a URL of another scheme in one line, without echoing it', () => {
      expect(() => parseGatewayEnv({ ICC_STORE: 'mysql://icc:secret@db/icc' })).toThrow('ICC_STORE: expected postgres://user:password@host:5432/database (got a mysql:// URL)');
      expect(() => parseGatewayEnv({ ICC_DATABASE_URL: 'postgress://icc:secret@db/icc' })).toThrow(/^ICC_DATABASE_URL: .*postgress:\/\/ URL\)$/);
    });
  });

  describe('OpenID Connect', () => {
    const complete = { ICC_OIDC_ISSUER: 'https://login.example.com/oauth2/default', ICC_OIDC_AUDIENCE: 'api://icc', ICC_OIDC_CLIENT_ID: '0oa1workspace' };

    it('is off unless configured, with defaults for the claims once it is on', () => {
      expect(parseGatewayEnv({}).ICC_OIDC_ISSUER).toBeUndefined();
      expect(parseGatewayEnv(complete)).toMatchObject({ ...complete, ICC_OIDC_SCOPES: 'openid profile', ICC_OIDC_AGENT_CLAIM: 'sub', ICC_OIDC_SUPERVISOR_VALUES: 'supervisor' });
    });

    it.each([
      [{ ICC_OIDC_ISSUER: complete.ICC_OIDC_ISSUER }, 'ICC_OIDC_AUDIENCE: required when ICC_OIDC_ISSUER is set'],
      [{ ICC_OIDC_CLIENT_ID: 'x', ICC_OIDC_AUDIENCE: 'y' }, 'ICC_OIDC_ISSUER: required when ICC_OIDC_CLIENT_ID is set'],
      [{ ...complete, ICC_OIDC_ISSUER: 'login.example.com' }, /^ICC_OIDC_ISSUER: expected the provider's issuer URL/],
      [{ ...complete, ICC_OIDC_SCOPES: 'profile email' }, /^ICC_OIDC_SCOPES: must include openid/],
      [{ ...complete, ICC_OIDC_ROLE_CLAIM: 'roles[0]' }, /^ICC_OIDC_ROLE_CLAIM: expected a claim name or dot path/],
      [{ ...complete, ICC_OIDC_ISSUER: 'http://login.example.com', NODE_ENV: 'production' }, 'ICC_OIDC_ISSUER: must be an https URL when NODE_ENV=production'],
    ])('names the variable and the problem for %j', (env, message) => {
      expect(() => parseGatewayEnv(env)).toThrow(ConfigError);
      expect(() => parseGatewayEnv(env)).toThrow(message);
    });
  });
});
