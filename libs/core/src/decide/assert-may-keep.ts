import type { AdapterCapabilities } from '@icc/protocol';
import { lackingCapabilityReason } from '../controls/allowed-controls';
import { callbackRefusals } from './callback-refusals';

/**
 * Keeping a callback for one agent (`assignedAgentId`, on intake or reschedule) needs a vendor that
 * routes it to that agent only (`keptCallbacks`); `null` (let anyone take it) needs nothing.
 */
export function assertMayKeep(assignedAgentId: string | null | undefined, capabilities: Pick<AdapterCapabilities, 'keptCallbacks' | 'reasons'>): void {
  if (typeof assignedAgentId !== 'string') return;
  const reason = lackingCapabilityReason('keptCallbacks', capabilities);
  if (reason !== undefined) throw callbackRefusals.keptCallbacksUnsupported(reason);
}
