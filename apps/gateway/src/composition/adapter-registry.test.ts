import { createMockAdapter } from '@icc/adapter-mock';
import type { CcaasAdapterV1 } from '@icc/core';
import { ConfigError } from '../config/gateway-config';
import { startTestGateway } from '../__tests__/test-gateway';
import { checkAdapterSpecification, registerAdapter, registeredVendors } from './adapter-registry';

const settings = { dataDir: '/nonexistent', randomTelephony: false };

describe('adapter registry', () => {
  it('registers every vendor with an adapter of specification v1', () => {
    expect(registeredVendors()).toEqual(expect.arrayContaining(['mock', 'genesys', 'amazon-connect']));
    const { adapter, telephony } = registerAdapter('mock', settings);
    expect(adapter).toMatchObject({ vendor: 'mock', specificationVersion: 'v1' });
    expect(telephony?.behaviourSchema.safeParse({ kind: 'busy' }).success).toBe(true);
  });

  it('refuses an unknown vendor, naming the registered ones', () => {
    expect(() => registerAdapter('five9', settings)).toThrow(new ConfigError('ICC_VENDOR: unknown vendor "five9"; registered: mock, genesys, amazon-connect'));
  });

  it('refuses an adapter of another specification version, naming the expected and the found one', () => {
    const future = { vendor: 'five9', specificationVersion: 'v2' };
    expect(() => checkAdapterSpecification(future)).toThrow(ConfigError);
    expect(() => checkAdapterSpecification(future)).toThrow('Adapter "five9" declares specificationVersion "v2"; this gateway expects ICC adapter specification "v1"');
    expect(() => checkAdapterSpecification({ vendor: 'five9' })).toThrow(
      'Adapter "five9" declares no specificationVersion; this gateway expects ICC adapter specification "v1"',
    );
  });

  it('keeps a gateway from starting with such an adapter', async () => {
    const adapter = { ...createMockAdapter(), specificationVersion: 'v0' } as unknown as CcaasAdapterV1;
    await expect(startTestGateway({ adapter })).rejects.toThrow('Adapter "mock" declares specificationVersion "v0"; this gateway expects ICC adapter specification "v1"');
  });
});
