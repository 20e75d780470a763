import type {
  Interaction,
  InteractionState,
  NewIccEvent,
  NewInteractionEvent,
  RoutingMode,
} from "@icc/protocol";

/**
 * A second, independent account of what an interaction looks like after its events, written from the
 * events' meaning (docs/architecture.md, "State machine" and "Events") without core's transition table or
 * reducer. The engine's views and the store's fold both come from `reduceInteraction`, so comparing them
 * with each other cannot catch a reducer fault; comparing them with this model can.
 * It covers the fields routing and the workspace act on, not the context card or call flags.
 */
export interface ModelInteraction {
  state: InteractionState;
  mode: RoutingMode;
  queueId: string;
  agentId?: string;
  vendorRef?: string;
  scheduledAt?: string;
  windowEnd?: string;
  expireAt?: string;
  offerExpiresAt?: string;
  nextRetryAt?: string;
  autoCloseAt?: string;
  customerOnLine: boolean;
  declinedBy: string[];
  dialedNumbers: string[];
  outcome?: string;
}

export const MODEL_FIELDS = [
  "state",
  "mode",
  "queueId",
  "agentId",
  "vendorRef",
  "scheduledAt",
  "windowEnd",
  "expireAt",
  "offerExpiresAt",
  "nextRetryAt",
  "autoCloseAt",
  "customerOnLine",
  "declinedBy",
  "outcome",
] as const satisfies readonly (keyof ModelInteraction & keyof Interaction)[];

/** Folds every interaction event of `log` into the model, by interaction id. */
export function modelInteractions(
  log: readonly NewIccEvent[],
): Map<string, ModelInteraction> {
  const models = new Map<string, ModelInteraction>();
  for (const event of log) {
    if (event.type === "agent.presence-changed") continue;
    if (event.type === "interaction.created") {
      const { callback } = event;
      models.set(event.interactionId, {
        state: event.initialState,
        mode: callback.mode,
        queueId: callback.queueId,
        vendorRef: event.vendorRef,
        scheduledAt: event.scheduledAt,
        windowEnd:
          callback.schedule.type === "scheduled"
            ? callback.schedule.windowEnd
            : undefined,
        expireAt: callback.expireAt,
        customerOnLine: false,
        declinedBy: [],
        dialedNumbers: [],
      });
      continue;
    }
    const model = models.get(event.interactionId);
    if (!model)
      throw new Error(
        `${event.type} for ${event.interactionId} before its interaction.created`,
      );
    models.set(event.interactionId, applyEvent(model, event));
  }
  return models;
}

function applyEvent(
  previous: ModelInteraction,
  event: Exclude<NewInteractionEvent, { type: "interaction.created" }>,
): ModelInteraction {
  const m: ModelInteraction = {
    ...previous,
    declinedBy: [...previous.declinedBy],
    dialedNumbers: [...previous.dialedNumbers],
  };
  const agentFirst = m.mode === "agent-first";
  switch (event.type) {
    case "interaction.queued":
      // Back in the queue: nobody holds it; a customer-first callback queues with the customer on the line.
      return {
        ...m,
        state: "queued",
        agentId: undefined,
        offerExpiresAt: undefined,
        nextRetryAt: undefined,
        customerOnLine: m.customerOnLine || event.cause === "customer-answered",
      };
    case "interaction.rescheduled":
      // A new time: the window is the new one (or none), the assignment and every pending deadline go.
      return {
        ...m,
        state: "scheduled",
        scheduledAt: event.scheduledAt,
        windowEnd: event.windowEnd,
        queueId: event.queueId ?? m.queueId,
        agentId: undefined,
        offerExpiresAt: undefined,
        nextRetryAt: undefined,
        customerOnLine: false,
      };
    case "interaction.offered":
      return {
        ...m,
        state: "offered",
        agentId: event.agentId,
        offerExpiresAt: event.expiresAt,
      };
    case "interaction.offer-declined":
      return {
        ...m,
        state: "queued",
        agentId: undefined,
        offerExpiresAt: undefined,
        declinedBy: [...m.declinedBy, event.agentId],
      };
    case "interaction.accepted":
      // Agent-first: the preview before dialing; customer-first: the customer is already waiting on the line.
      return {
        ...m,
        state: agentFirst ? "previewing" : "connected",
        agentId: event.agentId,
        offerExpiresAt: undefined,
        declinedBy: [],
      };
    case "interaction.transfer-requested":
      return { ...m, state: "transferring" };
    case "interaction.transfer-cancelled":
      return { ...m, state: "previewing" };
    case "interaction.dialing":
      // A redial from the system names no agent: whoever held the callback keeps it.
      return {
        ...m,
        state: "dialing",
        agentId: event.agentId ?? m.agentId,
        nextRetryAt: undefined,
        dialedNumbers: [...m.dialedNumbers, event.phoneNumber],
      };
    case "interaction.customer-answered":
      return {
        ...m,
        state: agentFirst ? "connected" : "queued",
        customerOnLine: true,
      };
    case "interaction.dial-failed":
      // Customer-first reserves no agent across attempts; agent-first keeps the agent for Retry call.
      return {
        ...m,
        state: "no-answer",
        agentId: agentFirst ? m.agentId : undefined,
      };
    case "interaction.retry-scheduled":
      return { ...m, state: "retry-wait", nextRetryAt: event.nextRetryAt };
    case "interaction.held":
      return { ...m, state: "on-hold" };
    case "interaction.resumed":
      return { ...m, state: "connected" };
    case "interaction.call-transferred":
      return { ...m, agentId: event.toAgentId };
    case "interaction.call-requeued":
      // A live call sent back to a queue: the customer holds on the line and it is routed customer-first;
      // the agent who sent it away is offered it last.
      return {
        ...m,
        state: "queued",
        mode: "customer-first",
        queueId: event.queueId,
        agentId: undefined,
        declinedBy: [event.fromAgentId],
      };
    case "interaction.call-transferred-externally":
      // The call left for an outside number: this agent's part ends in wrap-up.
      return {
        ...m,
        state: "wrap-up",
        customerOnLine: false,
        autoCloseAt: event.autoCloseAt ?? m.autoCloseAt,
      };
    case "interaction.call-ended":
      return {
        ...m,
        state: "wrap-up",
        customerOnLine: false,
        autoCloseAt: event.autoCloseAt ?? m.autoCloseAt,
      };
    case "interaction.wrap-up-extended":
      return { ...m, autoCloseAt: event.autoCloseAt };
    case "interaction.closed":
      return {
        ...m,
        state: "closed",
        outcome: event.outcome,
        customerOnLine: false,
        offerExpiresAt: undefined,
        autoCloseAt: undefined,
        nextRetryAt: undefined,
      };
    case "interaction.muted":
    case "interaction.recording":
    case "interaction.escalated":
    case "interaction.dtmf-sent":
    case "interaction.consult-started":
    case "interaction.consult-ended":
    case "callback.updated":
      return m;
  }
}

/** The model's fields of a view, undefined ones left out (as the views leave them out). */
export function modelFieldsOf(
  view: Interaction | ModelInteraction,
): Partial<ModelInteraction> {
  const fields: Partial<Record<(typeof MODEL_FIELDS)[number], unknown>> = {};
  for (const field of MODEL_FIELDS)
    if (view[field] !== undefined) fields[field] = view[field];
  return fields as Partial<ModelInteraction>;
}
