import type { CcaasAdapterV1 } from '@icc/core';
import { createMockAdapter, TelephonyBehaviour } from '@icc/adapter-mock';
import type { z } from 'zod';
import { createGenesysRegistration } from '@icc/adapter-genesys';
import { createAmazonConnectRegistration } from '@icc/adapter-amazon-connect';
// @icc/tools:adapter-registry-imports

/** A simulated telephone network the development endpoint can steer (mock vendor). */
export interface DevTelephony {
  behaviourSchema: z.ZodType;
  setBehaviour(phoneNumber: string, behaviour: unknown): void;
}

export interface RegisteredAdapter {
  adapter: CcaasAdapterV1;
  telephony?: DevTelephony;
}

export interface AdapterSettings {
  dataDir: string;
  /** Demo traffic wants varied outcomes; tests want every call answered unless told otherwise. */
  randomTelephony: boolean;
}

export type AdapterFactory = (settings: AdapterSettings) => RegisteredAdapter;

/** Every vendor the gateway can run with: a new adapter registers here and nowhere else. */
export const ADAPTER_REGISTRY: Readonly<Record<string, AdapterFactory>> = {
  mock: (settings) => {
    const adapter = createMockAdapter({
      randomTelephony: settings.randomTelephony,
      missedOffersBeforeNotResponding: missedOffersBeforeNotResponding(process.env),
    });
    return {
      adapter,
      telephony: {
        behaviourSchema: TelephonyBehaviour,
        setBehaviour: (phoneNumber, behaviour) => adapter.telephony.setBehaviour(phoneNumber, TelephonyBehaviour.parse(behaviour)),
      },
    };
  },
  // Real org with GENESYS_CLIENT_ID/SECRET (README of @icc/adapter-genesys), else the in-process simulator.
  genesys: () => createGenesysRegistration(process.env),
  // Real instance with ICC_AMAZON_CONNECT_INSTANCE_ID (README of @icc/adapter-amazon-connect), else the in-process simulator.
  'amazon-connect': () => createAmazonConnectRegistration(process.env),
  // @icc/tools:adapter-registry-entries
};

const DEFAULT_MISSED_OFFERS_BEFORE_NOT_RESPONDING = 2;

/** `ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING` (a whole number ≥ 1; default 2): per deployment. */
export function missedOffersBeforeNotResponding(env: NodeJS.ProcessEnv): number {
  const raw = env['ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING'];
  if (raw === undefined || raw === '') return DEFAULT_MISSED_OFFERS_BEFORE_NOT_RESPONDING;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`ICC_MISSED_OFFERS_BEFORE_NOT_RESPONDING must be a whole number of at least 1, got "${raw}"`);
  }
  return value;
}

export function registeredVendors(): string[] {
  return Object.keys(ADAPTER_REGISTRY);
}
