import { IccError } from '@icc/core';
import type { Interaction } from '@icc/protocol';
import type { AdapterRuntime } from './adapter-runtime';
import type { AmazonConnectStreamsClient } from './amazon-connect-streams-client';

export function requireStreams(runtime: AdapterRuntime): AmazonConnectStreamsClient {
  if (!runtime.streams) {
    throw new IccError('capability_unsupported', 'Agent call control needs the CCP: configure streamsEndpoint (README, "Gaps")');
  }
  return runtime.streams;
}

export function requireCustomerNumber(interaction: Interaction, phoneNumber: string): void {
  if (!interaction.card.phoneNumbers.includes(phoneNumber)) {
    throw new IccError('validation_failed', `${phoneNumber} is not one of the customer's callback numbers`, [
      { path: ['phoneNumber'], message: "Pick one of the customer's callback numbers", code: 'custom' },
    ]);
  }
}
