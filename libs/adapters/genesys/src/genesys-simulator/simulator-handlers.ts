import { randomUUID } from 'node:crypto';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { Models } from 'purecloud-platform-client-v2';
import type { SimAcd } from './simulator-acd';
import { SimRefusal, type SimAgentActions } from './simulator-agent-actions';
import { conversationJson } from './simulator-conversation-json';
import { simEndpoint, type SimHttpState } from './simulator-http';
import { createCommunication, type SimConversation, type SimParticipant, type SimWorld } from './simulator-model';
import type { SimNotifications } from './simulator-notifications';

/** The simulated org's handle time per callback, for its estimated wait. */
export const SIMULATED_HANDLE_SECONDS = 300;

export interface SimHandlersOptions {
  baseUrl: string;
  authUrl: string;
  tokenLifetimeSeconds: number;
}

/** The Platform API endpoints the simulated org answers, as msw handlers. */
export function createSimHandlers(
  world: SimWorld,
  acd: SimAcd,
  actions: SimAgentActions,
  notifications: SimNotifications,
  state: SimHttpState,
  options: SimHandlersOptions,
): HttpHandler[] {
  const api = (path: string) => `${options.baseUrl}${path}`;
  const now = () => world.clock.now();
  const conversationOf = (id: string | undefined): SimConversation => {
    const conversation = id === undefined ? undefined : world.conversations.get(id);
    if (!conversation) throw new SimRefusal(404, 'not.found', `Conversation ${id ?? ''} not found`);
    return conversation;
  };
  const userOf = (id: string | undefined) => {
    const user = id === undefined ? undefined : world.users.get(id);
    if (!user) throw new SimRefusal(404, 'not.found', `User ${id ?? ''} not found`);
    return user;
  };

  return [
    http.post(
      `${options.authUrl}/oauth/token`,
      simEndpoint(
        state,
        'POST /oauth/token',
        () => {
          const token = randomUUID();
          state.tokens.set(token, now() + options.tokenLifetimeSeconds * 1000);
          return { access_token: token, token_type: 'bearer', expires_in: options.tokenLifetimeSeconds };
        },
        { authenticated: false },
      ),
    ),
    http.get(
      api('/api/v2/routing/queues/:queueId'),
      simEndpoint(state, 'GET /api/v2/routing/queues/{queueId}', ({ params }) => {
        const queue = world.queues.get(params['queueId'] ?? '');
        if (!queue) throw new SimRefusal(404, 'not.found', 'Queue not found');
        return { id: queue.id, name: queue.name, mediaSettings: { callback: queue.callback }, selfUri: `/api/v2/routing/queues/${queue.id}` } satisfies Models.Queue;
      }),
    ),
    http.get(
      api('/api/v2/routing/queues/:queueId/mediatypes/:mediaType/estimatedwaittime'),
      simEndpoint(state, 'GET /api/v2/routing/queues/{queueId}/mediatypes/{mediaType}/estimatedwaittime', ({ params }) => {
        const queue = world.queues.get(params['queueId'] ?? '');
        if (!queue) throw new SimRefusal(404, 'not.found', 'Queue not found');
        // The model (PredictionResults) is Genesys's; the number is the simulator's own: it has no
        // analytics history, so it spreads a fixed handle time over the On Queue members.
        const waiting = [...world.conversations.values()].filter((conversation) => conversation.queueId === queue.id && conversation.status === 'queued').length;
        const onQueue = [...world.users.values()].filter((user) => user.queueIds.includes(queue.id) && user.systemPresence === 'On Queue').length;
        const seconds = Math.round((waiting * SIMULATED_HANDLE_SECONDS) / Math.max(1, onQueue));
        return { results: [{ intent: 'CALLBACK', formula: 'SIMPLE', estimatedWaitTimeSeconds: seconds }] } satisfies Models.EstimatedWaitTimePredictions;
      }),
    ),
    http.post(
      api('/api/v2/conversations/callbacks'),
      simEndpoint(state, 'POST /api/v2/conversations/callbacks', ({ body }) => {
        const queueId = body.queueId ?? body.routingData?.queueId ?? '';
        const queue = world.queues.get(queueId);
        if (!queue) throw new SimRefusal(400, 'bad.request', `Queue ${queueId} not found`);
        const scheduledAt = body.callbackScheduledTime === undefined ? undefined : Date.parse(body.callbackScheduledTime);
        const scheduled = scheduledAt !== undefined && scheduledAt > now();
        const customer: SimParticipant = {
          id: world.newId(),
          purpose: 'customer',
          queueId,
          address: `tel:${body.callbackNumbers[0] ?? ''}`,
          name: body.callbackUserName,
          attributes: { ...(body.data ?? {}) },
          connectedTime: now(),
          calls: [],
          callbacks: [
            createCommunication(world, {
              media: 'callback',
              // Not yet in queue: `startScheduled` queues it now, or at its time.
              state: 'scheduled',
              direction: 'outbound',
              callbackNumbers: [...body.callbackNumbers],
              ...(body.callbackUserName !== undefined ? { callbackUserName: body.callbackUserName } : {}),
              ...(scheduled ? { callbackScheduledTime: scheduledAt } : {}),
            }),
          ],
        };
        const conversation: SimConversation = {
          id: world.newId(),
          queueId,
          status: 'scheduled',
          customer,
          participants: [customer],
          startTime: now(),
          enqueuedAt: now(),
          failedCalls: 0,
          declinedBy: new Set(),
          timers: new Set(),
        };
        world.conversations.set(conversation.id, conversation);
        if (scheduled) {
          const cancel = world.clock.setTimer(scheduledAt, () => {
            conversation.timers.delete(cancel);
            acd.startScheduled(conversation);
          });
          conversation.timers.add(cancel);
          world.publish(conversation);
        } else {
          acd.startScheduled(conversation);
        }
        const acdParticipant = conversation.participants.find((participant) => participant.purpose === 'acd');
        return {
          conversation: { id: conversation.id, selfUri: `/api/v2/conversations/${conversation.id}` },
          callbackIdentifiers: [{ type: 'EXTERNAL', id: customer.id }, ...(acdParticipant ? [{ type: 'ACD', id: acdParticipant.id }] : [])],
        } satisfies Models.CreateCallbackResponse;
      }),
    ),
    http.patch(
      api('/api/v2/conversations/callbacks'),
      simEndpoint(state, 'PATCH /api/v2/conversations/callbacks', ({ body }) => {
        const conversation = conversationOf(body.conversationId);
        userOf(body.agentId);
        // PatchCallbackRequest.md: `queueId` "The identifier of the queue to be used for the callback"; `callbackNumbers` (SDK model).
        if (body.queueId !== undefined && !world.queues.has(body.queueId)) throw new SimRefusal(400, 'bad.request', `Queue ${body.queueId} not found`);
        const move = { ...(body.queueId !== undefined ? { queueId: body.queueId } : {}), ...(body.callbackNumbers !== undefined ? { callbackNumbers: body.callbackNumbers } : {}) };
        if (body.callbackScheduledTime !== undefined) actions.reschedule(conversation, Date.parse(body.callbackScheduledTime), move);
        else if (Object.keys(move).length > 0) throw new SimRefusal(400, 'bad.request', 'Changing queue or numbers without a new time is not simulated');
        return { conversation: { id: conversation.id, selfUri: `/api/v2/conversations/${conversation.id}` }, callbackIdentifiers: [] } satisfies Models.PatchCallbackResponse;
      }),
    ),
    http.patch(
      api('/api/v2/conversations/callbacks/:conversationId'),
      simEndpoint(state, 'PATCH /api/v2/conversations/callbacks/{conversationId}', ({ params }) => {
        const conversation = conversationOf(params['conversationId']);
        actions.disconnectAll(conversation);
        return conversationJson(conversation);
      }),
    ),
    http.patch(
      api('/api/v2/conversations/callbacks/:conversationId/participants/:participantId'),
      simEndpoint(state, 'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}', ({ body, params }) => {
        actions.patchParticipant(conversationOf(params['conversationId']), params['participantId'] ?? '', body);
      }),
    ),
    http.patch(
      api('/api/v2/conversations/callbacks/:conversationId/participants/:participantId/attributes'),
      simEndpoint(state, 'PATCH /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/attributes', ({ body, params }) => {
        const conversation = conversationOf(params['conversationId']);
        const participant = conversation.participants.find((candidate) => candidate.id === params['participantId']);
        if (!participant) throw new SimRefusal(404, 'not.found', 'Participant not found');
        Object.assign(participant.attributes, body.attributes);
        world.publish(conversation);
        return { attributes: { ...participant.attributes } } satisfies Models.ParticipantAttributes;
      }),
    ),
    http.post(
      api('/api/v2/conversations/callbacks/:conversationId/participants/:participantId/replace'),
      simEndpoint(state, 'POST /api/v2/conversations/callbacks/{conversationId}/participants/{participantId}/replace', ({ body, params }) => {
        actions.transferCallback(conversationOf(params['conversationId']), params['participantId'] ?? '', body);
      }),
    ),
    http.post(
      api('/api/v2/conversations/:conversationId/participants/:participantId/replace/agent'),
      simEndpoint(state, 'POST /api/v2/conversations/{conversationId}/participants/{participantId}/replace/agent', ({ body, params }) => {
        actions.transferCall(conversationOf(params['conversationId']), params['participantId'] ?? '', body.userId);
      }),
    ),
    http.post(
      api('/api/v2/conversations/calls/:conversationId/participants/:participantId/consult/agent'),
      simEndpoint(state, 'POST /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult/agent', ({ body, params }) => ({
        destinationParticipantId: actions.consult(conversationOf(params['conversationId']), params['participantId'] ?? '', body.userId, body.speakTo),
      }) satisfies Models.ConsultTransferResponse),
    ),
    http.patch(
      api('/api/v2/conversations/calls/:conversationId/participants/:participantId/consult'),
      simEndpoint(state, 'PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult', ({ body, params }) => ({
        destinationParticipantId: actions.updateConsult(conversationOf(params['conversationId']), params['participantId'] ?? '', body.speakTo),
      }) satisfies Models.ConsultTransferResponse),
    ),
    http.delete(
      api('/api/v2/conversations/calls/:conversationId/participants/:participantId/consult'),
      simEndpoint(state, 'DELETE /api/v2/conversations/calls/{conversationId}/participants/{participantId}/consult', ({ params }) => {
        actions.cancelConsult(conversationOf(params['conversationId']), params['participantId'] ?? '');
      }),
    ),
    http.patch(
      api('/api/v2/conversations/calls/:conversationId/participants/:participantId'),
      simEndpoint(state, 'PATCH /api/v2/conversations/calls/{conversationId}/participants/{participantId}', ({ body, params }) => {
        actions.patchParticipant(conversationOf(params['conversationId']), params['participantId'] ?? '', body);
      }),
    ),
    http.post(
      api('/api/v2/conversations/calls/:conversationId'),
      simEndpoint(state, 'POST /api/v2/conversations/calls/{conversationId}', ({ body, params }) => {
        const conversation = conversationOf(params['conversationId']);
        actions.placeCall(conversation, body.callNumber);
        return conversationJson(conversation);
      }),
    ),
    http.post(
      api('/api/v2/conversations/:media/:conversationId/participants/:participantId/communications/:communicationId/wrapup'),
      simEndpoint(
        state,
        'POST /api/v2/conversations/{media}/{conversationId}/participants/{participantId}/communications/{communicationId}/wrapup',
        ({ body, params }) => {
          if (params['media'] !== 'callbacks' && params['media'] !== 'calls') throw new SimRefusal(404, 'not.found', 'No such media');
          actions.wrapup(conversationOf(params['conversationId']), params['participantId'] ?? '', params['communicationId'] ?? '', { ...body, code: body.code ?? '' });
        },
      ),
    ),
    http.post(
      api('/api/v2/conversations/:conversationId/participants/:participantId/digits'),
      simEndpoint(state, 'POST /api/v2/conversations/{conversationId}/participants/{participantId}/digits', ({ params }) => {
        conversationOf(params['conversationId']);
      }),
    ),
    http.get(
      api('/api/v2/conversations/:conversationId'),
      simEndpoint(state, 'GET /api/v2/conversations/{conversationId}', ({ params }) => conversationJson(conversationOf(params['conversationId']))),
    ),
    http.patch(
      api('/api/v2/users/:userId/presences/purecloud'),
      simEndpoint(state, 'PATCH /api/v2/users/{userId}/presences/purecloud', ({ body, params }) => {
        const user = userOf(params['userId']);
        user.systemPresence = body.presenceDefinition.systemPresence ?? user.systemPresence;
        if (user.systemPresence !== 'On Queue') user.routingStatus = 'OFF_QUEUE';
        else if (user.routingStatus === 'OFF_QUEUE') {
          user.routingStatus = 'IDLE';
          user.idleSince = now();
        }
        acd.route();
        world.publishUsers();
        return { source: 'PURECLOUD', presenceDefinition: body.presenceDefinition, modifiedDate: new Date(now()).toISOString() } satisfies Models.UserPresence;
      }),
    ),
    http.put(
      api('/api/v2/users/:userId/routingstatus'),
      simEndpoint(state, 'PUT /api/v2/users/{userId}/routingstatus', ({ body, params }) => {
        const user = userOf(params['userId']);
        if (body.status === 'IDLE' && user.systemPresence !== 'On Queue') throw new SimRefusal(400, 'bad.request', 'A user off queue cannot be IDLE');
        if (user.conversationId === undefined) {
          if (body.status === 'IDLE' && user.routingStatus !== 'IDLE') user.idleSince = now();
          user.routingStatus = body.status === 'IDLE' || body.status === 'OFF_QUEUE' ? body.status : user.routingStatus;
        }
        acd.route();
        world.publishUsers();
        return { userId: user.id, status: user.routingStatus, startTime: new Date(user.idleSince).toISOString() } satisfies Models.RoutingStatus;
      }),
    ),
    http.post(
      api('/api/v2/notifications/channels'),
      simEndpoint(state, 'POST /api/v2/notifications/channels', () => notifications.createChannel()),
    ),
    http.put(
      api('/api/v2/notifications/channels/:channelId/subscriptions'),
      simEndpoint(state, 'PUT /api/v2/notifications/channels/{channelId}/subscriptions', ({ body, params, url }) => {
        const subscribed = notifications.subscribe(
          params['channelId'] ?? '',
          body.map((topic) => topic.id),
          url.searchParams.get('ignoreErrors') === 'true',
        );
        if (!subscribed.ok && subscribed.reason === 'no-channel') throw new SimRefusal(404, 'not.found', 'Channel not found');
        if (!subscribed.ok) throw new SimRefusal(400, 'bad.request', `Not permitted to subscribe to ${subscribed.topics.join(', ')}`);
        return { entities: subscribed.topics } satisfies Models.ChannelTopicEntityListing;
      }),
    ),
    http.all(api('/*'), ({ request }) => {
      const url = new URL(request.url);
      state.requests.push({ endpoint: 'unknown', method: request.method, url: url.pathname, body: undefined, issues: ['no such endpoint in the simulator'] });
      state.calls.push({ method: request.method, url: `${url.pathname}${url.search}`, status: 404, at: now() });
      return HttpResponse.json({ message: 'Resource not found', code: 'not.found', status: 404 } satisfies Models.ErrorBody, { status: 404 });
    }),
  ];
}
