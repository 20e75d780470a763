import { FULL_CAPABILITIES, type AdapterCapabilities } from '@icc/protocol';

/** The mock vendor simulates everything the ICC contract can express. */
export const MOCK_CAPABILITIES: AdapterCapabilities = FULL_CAPABILITIES;
