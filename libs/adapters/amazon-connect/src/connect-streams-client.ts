import { conflictOnStateRefusal, createVendorHttpClient, sleepOnClock } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import { z } from 'zod';

/** Agent-side actions on one contact, named after the Amazon Connect Streams methods they stand for. */
export type StreamsContactAction = 'accept' | 'reject' | 'call' | 'discard' | 'hold' | 'resume' | 'send-digits' | 'end' | 'clear';

export interface ConnectStreamsClient {
  contactAction(action: StreamsContactAction, contactId: string, userId: string, extra?: { Digits?: string }): Promise<void>;
  setMuted(userId: string, muted: boolean): Promise<void>;
  /** `agent.connect(endpoint)`: an outbound call placed from the agent's CCP; resolves with its ContactId. */
  connect(userId: string, call: { phoneNumber: string; queueId: string; relatedContactId: string }): Promise<string>;
}

const ConnectAnswer = z.object({ ContactId: z.string().min(1) });

/**
 * `400 InvalidRequestException` ("The request is not valid", Connect's model) is the CCP declining an
 * action in the state the contact or agent is in: a conflict the agent can resolve (409
 * `invalid_transition`), not Connect failing (502). `400 InvalidParameterException` stays a refusal.
 */
const refusedInStateAsConflict = <T>(action: Promise<T>, refusal: string): Promise<T> =>
  conflictOnStateRefusal(action, { statuses: new Set([400]), codes: new Set(['InvalidRequestException']), describe: () => refusal });

/**
 * The agent's CCP, driven from the server: Connect has no public API for these actions (they run
 * in the browser through Streams), so this client talks to whatever serves them over HTTP: the
 * simulator, or a CCP bridge in a real deployment.
 */
export function createConnectStreamsClient(options: {
  baseUrl: string;
  instanceId: string;
  clock: Clock;
  signal: AbortSignal;
}): ConnectStreamsClient {
  const http = createVendorHttpClient({
    vendor: 'amazon-connect',
    baseUrl: options.baseUrl,
    sleep: sleepOnClock(options.clock),
    now: () => options.clock.now(),
    readErrorCode: (_body, headers) => headers.get('x-amzn-ErrorType') ?? undefined,
  });
  const base = `/streams/${encodeURIComponent(options.instanceId)}`;
  const post = (path: string, body: Record<string, unknown>) =>
    http.request({ method: 'POST', path: `${base}${path}`, body, signal: options.signal, idempotent: false });
  return {
    async contactAction(action, contactId, userId, extra = {}) {
      await refusedInStateAsConflict(
        post(`/contacts/${encodeURIComponent(contactId)}/${action}`, { UserId: userId, ...extra }),
        `Amazon Connect refused "${action}": contact ${contactId} is not in a state that allows it on the CCP of user ${userId}`,
      );
    },
    async setMuted(userId, muted) {
      await post(`/agents/${encodeURIComponent(userId)}/${muted ? 'mute' : 'unmute'}`, {});
    },
    async connect(userId, call) {
      const answer = await refusedInStateAsConflict(
        http.request(
          {
            method: 'POST',
            path: `${base}/agents/${encodeURIComponent(userId)}/connect`,
            body: { PhoneNumber: call.phoneNumber, QueueId: call.queueId, RelatedContactId: call.relatedContactId },
            signal: options.signal,
            idempotent: false,
          },
          (body) => ConnectAnswer.parse(body),
        ),
        `Amazon Connect refused to place the call: the CCP of user ${userId} still holds another contact; finish that one first`,
      );
      return answer.body.ContactId;
    },
  };
}
