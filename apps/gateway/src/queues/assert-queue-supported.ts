import { IccError } from '@icc/core';
import type { AdapterCapabilities, QueueConfig } from '@icc/protocol';

/** A queue whose default mode the vendor cannot route would refuse every callback that relies on it. */
export function assertQueueSupported(queue: QueueConfig, capabilities: Pick<AdapterCapabilities, 'modes'>): void {
  if (capabilities.modes.includes(queue.defaultMode)) return;
  throw new IccError('capability_unsupported', `This vendor cannot route ${queue.defaultMode} callbacks (it supports ${capabilities.modes.join(', ')})`, [
    { path: ['defaultMode'], message: `Not supported by the vendor: ${queue.defaultMode}`, code: 'capability_unsupported' },
  ]);
}
