import { conflictOnStateRefusal, createVendorHttpClient, sleepOnClock } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import { z } from 'zod';

/** Agent-side actions on one contact, named after the Amazon Connect Streams methods they stand for. */
export type StreamsContactAction = 'accept' | 'reject' | 'hold' | 'resume' | 'send-digits' | 'end' | 'clear';

const ConnectAnswer = z.object({ ContactId: z.string().min(1) });

/**
 * `400 InvalidRequestException` ("The request is not valid", Connect's model) is the CCP declining an
 * action in the state the contact or agent is in: a conflict the agent can resolve (409
 * `invalid_transition`), not Connect failing (502). `400 InvalidParameterException` stays a refusal.
 */
const refusedInStateAsConflict = <T>(action: Promise<T>, refusal: string): Promise<T> =>
  conflictOnStateRefusal(action, { statuses: new Set([400]), codes: new Set(['InvalidRequestException']), describe: () => refusal });

export type ConnectStreamsClient = ReturnType<typeof createConnectStreamsClient>;

/**
 * The agent's CCP, driven from the server: Connect has no public API for these actions (they run
 * in the browser through Streams), so this client talks to whatever serves them over HTTP: the
 * simulator, or a CCP bridge in a real deployment.
 */
export function createConnectStreamsClient(options: { baseUrl: string; instanceId: string; clock: Clock; signal: AbortSignal }) {
  const http = createVendorHttpClient({
    vendor: 'amazon-connect',
    baseUrl: options.baseUrl,
    sleep: sleepOnClock(options.clock),
    now: () => options.clock.now(),
    readErrorCode: (_body, headers) => headers.get('x-amzn-ErrorType') ?? undefined,
  });
  const post = <Body>(path: string, body: Record<string, unknown>, parse?: (body: unknown) => Body) =>
    http.request({ method: 'POST', path: `/streams/${encodeURIComponent(options.instanceId)}${path}`, body, signal: options.signal, idempotent: false }, parse);
  return {
    async contactAction(action: StreamsContactAction, contactId: string, userId: string, extra: { Digits?: string } = {}): Promise<void> {
      await refusedInStateAsConflict(
        post(`/contacts/${encodeURIComponent(contactId)}/${action}`, { UserId: userId, ...extra }),
        `Amazon Connect refused "${action}": contact ${contactId} is not in a state that allows it on the CCP of user ${userId}`,
      );
    },
    async setMuted(userId: string, muted: boolean): Promise<void> {
      await post(`/agents/${encodeURIComponent(userId)}/${muted ? 'mute' : 'unmute'}`, {});
    },
    /** `agent.connect(endpoint)`: an outbound call placed from the agent's CCP; resolves with its ContactId. */
    async connect(userId: string, call: { phoneNumber: string; queueId: string; relatedContactId: string }): Promise<string> {
      const body = { PhoneNumber: call.phoneNumber, QueueId: call.queueId, RelatedContactId: call.relatedContactId };
      const answer = await refusedInStateAsConflict(
        post(`/agents/${encodeURIComponent(userId)}/connect`, body, (answered) => ConnectAnswer.parse(answered)),
        `Amazon Connect refused to place the call: the CCP of user ${userId} still holds another contact; finish that one first`,
      );
      return answer.body.ContactId;
    },
  };
}
