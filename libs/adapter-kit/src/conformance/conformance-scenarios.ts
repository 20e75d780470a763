import type { ConformanceScenario } from './conformance-scenario';
import { KEPT_CALLBACK_SCENARIOS } from './scenarios/kept-callback-scenarios';
import { LIFECYCLE_SCENARIOS } from './scenarios/lifecycle-scenarios';
import { LIVE_CALL_SCENARIOS } from './scenarios/live-call-scenarios';
import { LIVE_CALL_TRANSFER_SCENARIOS } from './scenarios/live-call-transfer-scenarios';
import { OFFER_SCENARIOS } from './scenarios/offer-scenarios';
import { REFUSAL_SCENARIOS } from './scenarios/refusal-scenarios';
import { REQUEST_SCENARIOS } from './scenarios/request-scenarios';
import { RETRY_SCENARIOS } from './scenarios/retry-scenarios';
import { ROUTING_SCENARIOS } from './scenarios/routing-scenarios';
import { TRANSFER_SCENARIOS } from './scenarios/transfer-scenarios';
import { VENDOR_FAULT_SCENARIOS } from './scenarios/vendor-fault-scenarios';

/** Every scenario of the suite, in the order they run (docs/architecture.md, "How an adapter plugs in"). */
export const CONFORMANCE_SCENARIOS: readonly ConformanceScenario[] = [
  ...ROUTING_SCENARIOS,
  ...RETRY_SCENARIOS,
  ...OFFER_SCENARIOS,
  ...LIVE_CALL_SCENARIOS,
  ...LIVE_CALL_TRANSFER_SCENARIOS,
  ...TRANSFER_SCENARIOS,
  ...REQUEST_SCENARIOS,
  ...KEPT_CALLBACK_SCENARIOS,
  ...REFUSAL_SCENARIOS,
  ...VENDOR_FAULT_SCENARIOS,
  ...LIFECYCLE_SCENARIOS,
];
