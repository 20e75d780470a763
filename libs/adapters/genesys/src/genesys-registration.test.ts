import { readGenesysConfigFromEnv } from './genesys-registration';

describe('readGenesysConfigFromEnv', () => {
  it('is undefined without client credentials (the gateway then runs the simulator)', () => {
    expect(readGenesysConfigFromEnv({})).toBeUndefined();
    expect(readGenesysConfigFromEnv({ GENESYS_CLIENT_ID: 'id' })).toBeUndefined();
  });

  it('derives the API and login hosts from the region and reads the id maps', () => {
    const config = readGenesysConfigFromEnv({
      GENESYS_CLIENT_ID: 'id',
      GENESYS_CLIENT_SECRET: 'secret',
      GENESYS_REGION: 'mypurecloud.de',
      GENESYS_QUEUE_MAP: '{"q-support":"8897431f-99d9-4cfe-b098-d279c7776a49"}',
      GENESYS_USER_MAP: '{"agent-ada":"0c2b31d0-9f8b-4328-97f2-50ffe98bee50"}',
    });
    expect(config).toMatchObject({
      baseUrl: 'https://api.mypurecloud.de',
      authUrl: 'https://login.mypurecloud.de',
      queueMap: { 'q-support': '8897431f-99d9-4cfe-b098-d279c7776a49' },
      userMap: { 'agent-ada': '0c2b31d0-9f8b-4328-97f2-50ffe98bee50' },
    });
  });

  it('says how to write a map it cannot read', () => {
    expect(() => readGenesysConfigFromEnv({ GENESYS_CLIENT_ID: 'id', GENESYS_CLIENT_SECRET: 's', GENESYS_QUEUE_MAP: 'q-support=abc' })).toThrow(/GENESYS_QUEUE_MAP: expected a JSON object of strings/);
  });
});
