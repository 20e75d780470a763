import {
  exampleEventFrame,
  exampleInteraction,
  exampleInteractionEvent,
  type EventFrame,
  type InteractionState,
} from '@icc/protocol';

/** An `interaction.offered` event frame at `seq`, carrying the interaction view in `state`. */
export function eventFrameAt(seq: number, state: InteractionState = 'offered', interactionId = 'ix-0001'): EventFrame {
  const event = exampleInteractionEvent('interaction.offered', { seq, interactionId });
  return exampleEventFrame({ event, interaction: exampleInteraction({ id: interactionId, state, seq }) });
}
