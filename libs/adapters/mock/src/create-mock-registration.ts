import type { AdapterRegistration } from '@icc/adapter-kit';
import { createMockAdapter, type MockAdapter } from './mock-adapter';
import type { MockAdapterConfigInput } from './mock-config';
import { TelephonyBehaviour } from './telephony-behaviour';

/** What the gateway runs for `ICC_VENDOR=mock`: the simulated vendor, its telephony steerable by the dev endpoint. */
export function createMockRegistration(
  options: Pick<MockAdapterConfigInput, 'randomTelephony' | 'missedOffersBeforeNotResponding'>,
): AdapterRegistration<MockAdapter> {
  const adapter = createMockAdapter(options);
  return {
    adapter,
    telephony: {
      behaviourSchema: TelephonyBehaviour,
      setBehaviour: (phoneNumber, behaviour) => adapter.telephony.setBehaviour(phoneNumber, TelephonyBehaviour.parse(behaviour)),
    },
  };
}
