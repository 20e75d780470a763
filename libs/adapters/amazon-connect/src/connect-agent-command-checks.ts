import { IccError } from '@icc/core';
import type { AdapterRuntime } from './connect-adapter-runtime';
import type { AmazonConnectStreamsClient } from './amazon-connect-streams-client';

export function requireStreams(runtime: AdapterRuntime): AmazonConnectStreamsClient {
  if (!runtime.streams) {
    throw new IccError('capability_unsupported', 'Agent call control needs the CCP: configure streamsEndpoint (README, "Gaps")');
  }
  return runtime.streams;
}
