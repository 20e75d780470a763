import {
  CancelCallbackRequest,
  CUSTOMER_STATE_WORDS,
  CustomerCallbackStatus,
  CustomerMoveRequest,
  CustomerSlotsQuery,
  CustomerStatusQuery,
  QueueSlotList,
  type Callback,
} from "@icc/protocol";
import { assertMayCancel, assertMayReschedule, IccError } from "@icc/core";
import type { GatewayServices } from "../composition/gateway-services";
import { rateLimitPerClient } from "../http/rate-limit";
import { callbackQueuePosition } from "./callback-routes";
import { IdParams, VENDOR_CALL_ERRORS } from "./path-params";
import { PRIVATE_ANSWER_HEADERS } from "./response-headers";
import {
  defineRoute,
  jsonBody,
  reply,
  type RouteContext,
} from "./route-definition";

/**
 * The customer's own view of one callback (the page an SMS link opens): no agent sign-in, the
 * per-callback token from creation instead. Every request counts against a per-client budget, so
 * guessing tokens is throttled; every answer, errors included, is never cached and never leaks the
 * URL (and its token) as a referrer (`alwaysHeaders`).
 */
const STATUS_RATE_LIMIT = { capacity: 30, ratePerSecond: 0.5 };

const throttled = (context: RouteContext) => [
  rateLimitPerClient(STATUS_RATE_LIMIT, () =>
    context.services.timerClock.now(),
  ),
];

/** The callback the token was issued for; a wrong token answers exactly like an unknown callback. */
async function callbackForToken(
  services: GatewayServices,
  id: string,
  token: string,
): Promise<Callback> {
  const callback = await services.store.getCallback(id);
  if (
    !callback ||
    callback.id !== id ||
    !services.statusTokens.matches(callback.id, token)
  ) {
    throw new IccError("not_found", "No callback matches this link");
  }
  return callback;
}

async function customerStatus(
  services: GatewayServices,
  callback: Callback,
): Promise<CustomerCallbackStatus> {
  const interaction = await services.store.getInteraction(callback.interactionId);
  const { position, estimatedWaitSeconds } = await callbackQueuePosition(
    services,
    callback,
  );
  return {
    callbackId: callback.id,
    number: callback.number,
    state: callback.state,
    stateText: CUSTOMER_STATE_WORDS[callback.state],
    position,
    estimatedWaitSeconds,
    scheduledAt:
      interaction?.scheduledAt ??
      (callback.schedule.type === "scheduled" ? callback.schedule.start : null),
    changeable:
      interaction !== undefined &&
      ["scheduled", "queued", "retry-wait"].includes(interaction.state),
    timeZone: callback.customer.timeZone,
  };
}

export const customerStatusRoute = defineRoute({
  operationId: "getCustomerCallbackStatus",
  method: "get",
  path: "/v1/callbacks/:id/status",
  summary:
    "The customer's view of their callback (state in their words, place in line, estimated wait, scheduled time), by the token returned at creation",
  access: "public",
  alwaysHeaders: PRIVATE_ANSWER_HEADERS,
  params: IdParams,
  query: CustomerStatusQuery,
  responses: { 200: CustomerCallbackStatus },
  errors: ["not_found", "rate_limited"],
  before: throttled,
  async handle({ params, query }, { services }) {
    return reply(
      200,
      await customerStatus(
        services,
        await callbackForToken(services, params.id, query.token),
      ),
    );
  },
});

export const customerCancelRoute = defineRoute({
  operationId: "cancelCallbackAsCustomer",
  method: "post",
  path: "/v1/callbacks/:id/status/cancel",
  summary:
    "The customer cancels their callback, by the token returned at creation",
  access: "public",
  alwaysHeaders: PRIVATE_ANSWER_HEADERS,
  params: IdParams,
  query: CustomerStatusQuery,
  body: jsonBody(CancelCallbackRequest, { required: false }),
  responses: { 200: CustomerCallbackStatus },
  errors: [
    "not_found",
    "rate_limited",
    "invalid_transition",
    ...VENDOR_CALL_ERRORS,
  ],
  before: throttled,
  async handle({ params, query, body }, { services }) {
    const callback = await callbackForToken(services, params.id, query.token);
    const interaction = await services.store.getInteraction(callback.interactionId);
    if (!interaction)
      throw new IccError("not_found", "No callback matches this link");
    assertMayCancel(interaction);
    await services.adapter.cancelCallback(callback.id, "customer", body.reason);
    return reply(
      200,
      await customerStatus(
        services,
        await callbackForToken(services, params.id, query.token),
      ),
    );
  },
});

export const customerSlotsRoute = defineRoute({
  operationId: "listCustomerCallbackSlots",
  method: "get",
  path: "/v1/callbacks/:id/status/slots",
  summary:
    "The free and full slots of the callback's queue between from and to (at most 7 days, not before now), localStart on the customer's clock, by the token returned at creation",
  access: "public",
  alwaysHeaders: PRIVATE_ANSWER_HEADERS,
  params: IdParams,
  query: CustomerSlotsQuery,
  responses: { 200: QueueSlotList },
  errors: ["not_found", "rate_limited"],
  before: throttled,
  async handle({ params, query }, { services }) {
    const callback = await callbackForToken(services, params.id, query.token);
    return reply(
      200,
      await services.booking.slots(await services.queues.get(callback.queueId), {
        from: query.from,
        to: query.to,
        timeZone: callback.customer.timeZone,
      }),
    );
  },
});

/**
 * Same queue, same numbers: only the start changes, to the start of one of the queue's slots (400 at `start`
 * otherwise) with a seat left (409 slot_full otherwise).
 */
export const customerMoveRoute = defineRoute({
  operationId: "moveCallbackAsCustomer",
  method: "post",
  path: "/v1/callbacks/:id/status/move",
  summary:
    "The customer moves their callback to another start with a free seat (GET …/status/slots lists them), by the token returned at creation",
  access: "public",
  alwaysHeaders: PRIVATE_ANSWER_HEADERS,
  params: IdParams,
  query: CustomerStatusQuery,
  body: jsonBody(CustomerMoveRequest),
  responses: { 200: CustomerCallbackStatus },
  errors: [
    "not_found",
    "rate_limited",
    "invalid_transition",
    "capability_unsupported",
    "slot_full",
    ...VENDOR_CALL_ERRORS,
  ],
  before: throttled,
  async handle({ params, query, body }, { services }) {
    const callback = await callbackForToken(services, params.id, query.token);
    const interaction = await services.store.getInteraction(callback.interactionId);
    if (!interaction)
      throw new IccError("not_found", "No callback matches this link");
    assertMayReschedule(interaction, services.adapter.capabilities);
    const queue = await services.queues.get(callback.queueId);
    const start = Date.parse(body.start);
    // A customer picks among the listed slots (an agent may agree any time with the customer on the phone).
    if (!(await services.booking.isSlotStart(queue, start))) {
      const message = `Not the start of a slot of the queue; GET /v1/callbacks/${callback.id}/status/slots lists them`;
      throw new IccError("validation_failed", message, [
        { path: ["start"], message, code: "custom" },
      ]);
    }
    // The seat check and the move it allows happen in one turn of the queue (as an agent's reschedule).
    await services.booking.serialized(callback.queueId, async () => {
      await services.booking.assertSeat(
        await services.queues.get(callback.queueId),
        start,
        callback.id,
      );
      await services.adapter.reschedule(
        callback.id,
        { start: body.start },
        "customer",
      );
    });
    return reply(
      200,
      await customerStatus(
        services,
        await callbackForToken(services, params.id, query.token),
      ),
    );
  },
});

export const customerStatusRoutes = [
  customerStatusRoute,
  customerCancelRoute,
  customerSlotsRoute,
  customerMoveRoute,
];
