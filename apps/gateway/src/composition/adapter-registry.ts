import type { AdapterRegistration, DevTelephony } from '@icc/adapter-kit';
import { ADAPTER_SPECIFICATION_VERSION } from '@icc/core';
import { createMockRegistration } from '@icc/adapter-mock';
import { createGenesysRegistration } from '@icc/adapter-genesys';
import { createAmazonConnectRegistration } from '@icc/adapter-amazon-connect';
import { ConfigError } from '../config/gateway-config';
// @icc/tools:adapter-registry-imports

export type { DevTelephony };
export type RegisteredAdapter = AdapterRegistration;

export interface AdapterSettings {
  dataDir: string;
  /** Demo traffic wants varied outcomes; tests want every call answered unless told otherwise. */
  randomTelephony: boolean;
}

export type AdapterFactory = (settings: AdapterSettings) => RegisteredAdapter;

/** Every vendor the gateway can run with: a new adapter registers here and nowhere else. */
export const ADAPTER_REGISTRY: Readonly<Record<string, AdapterFactory>> = {
  mock: (settings) =>
    createMockRegistration({
      randomTelephony: settings.randomTelephony,
      missedOffersBeforeNotResponding: missedOffersBeforeNotResponding(process.env),
    }),
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

/**
 * Refuses an adapter written against another version of the adapter contract (or against none):
 * it would be called with methods and meanings it does not implement.
 */
export function checkAdapterSpecification(adapter: { vendor: string; specificationVersion?: unknown }): void {
  const found = adapter.specificationVersion;
  if (found === ADAPTER_SPECIFICATION_VERSION) return;
  const declared = found === undefined ? 'no specificationVersion' : `specificationVersion ${JSON.stringify(found)}`;
  throw new ConfigError(
    `Adapter "${adapter.vendor}" declares ${declared}; this gateway expects ICC adapter specification "${ADAPTER_SPECIFICATION_VERSION}"`,
  );
}

/** The registered adapter for `vendor`, checked against the adapter contract this gateway speaks. */
export function registerAdapter(vendor: string, settings: AdapterSettings): RegisteredAdapter {
  const factory = ADAPTER_REGISTRY[vendor];
  if (!factory) throw new ConfigError(`ICC_VENDOR: unknown vendor "${vendor}"; registered: ${registeredVendors().join(', ')}`);
  const registration = factory(settings);
  checkAdapterSpecification(registration.adapter);
  return registration;
}
