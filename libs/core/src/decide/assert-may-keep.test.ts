import { exampleCapabilities, exampleCreateCallbackRequest, exampleInteraction, exampleQueueConfig } from '@icc/protocol';
import { lackingCapabilityReason } from '../controls/allowed-controls';
import { assertMayKeep } from './assert-may-keep';
import { decideCallbackCreation } from './decide-callback-creation';
import { decideReschedule } from './decide-reschedule';
import { refusalOf } from './refusal-of.test-support';

const NOW = Date.parse('2026-03-10T14:05:00.000Z');
const WHY = 'Genesys Cloud takes the agent only as a routing preference.';
const cannotKeep = exampleCapabilities({ keptCallbacks: false, reasons: { keptCallbacks: WHY } });

describe('assertMayKeep', () => {
  it('lets a vendor that keeps callbacks keep one, and any vendor release or not name a keeper', () => {
    expect(() => assertMayKeep('agent-ada', exampleCapabilities())).not.toThrow();
    expect(() => assertMayKeep(null, cannotKeep)).not.toThrow();
    expect(() => assertMayKeep(undefined, cannotKeep)).not.toThrow();
  });

  it("refuses to keep one for an agent when the vendor cannot, with the vendor's reason at assignedAgentId", () => {
    expect(refusalOf(() => assertMayKeep('agent-ada', cannotKeep)).toBody()).toEqual({
      code: 'capability_unsupported',
      message: `This vendor cannot keep a callback for one agent: ${WHY}`,
      issues: [{ path: ['assignedAgentId'], message: WHY, code: 'custom' }],
    });
  });

  it('treats an absent flag as unsupported, with a generic reason', () => {
    const { keptCallbacks: _absent, ...capabilities } = exampleCapabilities();
    expect(refusalOf(() => assertMayKeep('agent-ada', capabilities)).code).toBe('capability_unsupported');
    expect(lackingCapabilityReason('keptCallbacks', capabilities)).toBe('The contact-centre platform in use does not support this (keptCallbacks).');
    expect(lackingCapabilityReason('keptCallbacks', exampleCapabilities())).toBeUndefined();
  });

  it('is checked on intake and on reschedule', () => {
    const request = exampleCreateCallbackRequest({ assignedAgentId: 'agent-ada' });
    const identity = { callbackId: 'cb-7', interactionId: 'ix-7', number: 'CB0000007' };
    const creation = () => decideCallbackCreation({ request, identity, queue: exampleQueueConfig(), capabilities: cannotKeep, vendor: 'genesys', now: NOW });
    expect(refusalOf(creation).code).toBe('capability_unsupported');
    expect(decideCallbackCreation({ request, identity, queue: exampleQueueConfig(), capabilities: exampleCapabilities(), vendor: 'mock', now: NOW }).callback.assignedAgentId).toBe('agent-ada');

    const reschedule = (assignedAgentId: string | null) =>
      decideReschedule(exampleInteraction({ state: 'previewing' }), {
        request: { start: '2026-03-11T09:00:00Z', assignedAgentId },
        actor: 'agent',
        capabilities: cannotKeep,
        now: NOW,
      });
    expect(refusalOf(() => reschedule('agent-ada')).code).toBe('capability_unsupported');
    expect(reschedule(null)).toMatchObject({ type: 'interaction.rescheduled', assignedAgentId: null });
  });
});
