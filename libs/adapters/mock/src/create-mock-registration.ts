import type { AdapterRegistration } from '@icc/adapter-kit';
import { createMockAdapter, type MockAdapter } from './mock-adapter';
import { TelephonyBehaviour } from './telephony-behaviour';

/** What the gateway runs for `ICC_VENDOR=mock`: the simulated vendor, its telephony steerable by the dev endpoint. */
export function createMockRegistration(options: { randomTelephony: boolean }): AdapterRegistration<MockAdapter> {
  const adapter = createMockAdapter({ randomTelephony: options.randomTelephony });
  return {
    adapter,
    telephony: {
      behaviourSchema: TelephonyBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.telephony.setBehaviour(phoneNumber, TelephonyBehaviour.parse(behaviour)),
    },
  };
}
