import { openInteractions, type EngineHarness } from './engine-fixtures';

/**
 * Brings every open interaction to `closed` the way people would: agents end live calls and
 * submit wrap-ups, senders cancel transfers, everything else is cancelled by API. Throws when
 * something cannot be closed, which would mean a stuck interaction.
 */
export function closeEverything(h: EngineHarness): void {
  for (let round = 0; round < 10; round++) {
    const open = openInteractions(h);
    if (open.length === 0) return;
    for (const interaction of open) closeOne(h, interaction.id);
  }
  const stuck = openInteractions(h).map((interaction) => `${interaction.id}:${interaction.state}`);
  throw new Error(`Could not close ${stuck.join(', ')}`);
}

function closeOne(h: EngineHarness, interactionId: string): void {
  // Closing another one this round may have closed (and so forgotten) this one too.
  const interaction = h.engine.interaction(interactionId);
  if (!interaction) return;
  const agentId = interaction.agentId as string;
  switch (interaction.state) {
    case 'connected':
    case 'on-hold':
      h.execute(agentId, { type: 'end-call', interactionId });
      return;
    case 'wrap-up':
      h.execute(agentId, { type: 'submit-wrap-up', interactionId, wrapUp: { reason: 'other', notes: '' } });
      return;
    case 'transferring':
      h.execute(agentId, { type: 'cancel-transfer', interactionId });
      return;
    default:
      // A transfer's other side is closed through its sender, above.
      if (h.engine.callback(interaction.callbackId)?.interactionId !== interactionId) return;
      h.record(h.engine.cancelCallback(interaction.callbackId, 'api', 'Closing everything', h.now()));
  }
}
