import { describeAdapterConformance, type CustomerCallScript } from '@icc/adapter-kit/conformance';
import { createMockAdapter } from './mock-adapter';
import { MOCK_CAPABILITIES } from './mock-capabilities';
import type { SingleTelephonyBehaviour } from './telephony-behaviour';

const NO_VENDOR_API = 'the mock vendor is the engine in-process: there is no vendor API or push channel to fault';

function toBehaviour(call: CustomerCallScript): SingleTelephonyBehaviour {
  switch (call.kind) {
    case 'answer':
      return call.hangUpAfterSeconds === undefined
        ? { kind: 'answer', afterSeconds: call.afterSeconds }
        : { kind: 'answer', afterSeconds: call.afterSeconds, hangUpAfterSeconds: call.hangUpAfterSeconds };
    case 'no-answer':
      return { kind: 'no-answer', afterSeconds: 20 };
    case 'busy':
      return { kind: 'busy', afterSeconds: 1 };
  }
}

describeAdapterConformance('mock', {
  capabilities: MOCK_CAPABILITIES,
  unsupportedHooks: {
    failNextVendorCalls: NO_VENDOR_API,
    vendorCalls: NO_VENDOR_API,
    duplicateNextVendorEvent: NO_VENDOR_API,
    reorderNextVendorEvents: NO_VENDOR_API,
    deliverMalformedVendorPayload: NO_VENDOR_API,
    openConnections: 'the mock vendor opens no sockets',
  },
  createHarness() {
    // Unscripted numbers fail fast, so a scenario that dials one it did not script shows it.
    const adapter = createMockAdapter({ defaultBehaviour: { kind: 'fail', afterSeconds: 1 } });
    return {
      adapter,
      simulator: {
        scriptCustomer(phoneNumber, calls) {
          const steps = calls.map(toBehaviour);
          adapter.telephony.setBehaviour(phoneNumber, steps.length === 1 && steps[0] ? steps[0] : { kind: 'sequence', steps });
        },
      },
      teardown: () => undefined,
    };
  },
});
