import type { Callback, CreateCallbackRequestInput, Interaction } from '@icc/protocol';

/** The mock vendor's telephony behaviour (`@icc/adapter-mock`), as sent over the wire. */
export type TelephonyStep =
  | { kind: 'answer'; afterSeconds: number }
  | { kind: 'no-answer' | 'busy' | 'fail'; afterSeconds: number };
export type TelephonyBehaviour = TelephonyStep | { kind: 'sequence'; steps: TelephonyStep[] };

async function json<T>(response: Response, what: string): Promise<T> {
  const body = await response.text();
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${body}`);
  return JSON.parse(body) as T;
}

/** Scripts how the simulated network answers calls to `phoneNumber`. */
export async function scriptNumber(baseUrl: string, phoneNumber: string, behaviour: TelephonyBehaviour): Promise<void> {
  const response = await fetch(`${baseUrl}/v1/dev/telephony/numbers/${encodeURIComponent(phoneNumber)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ behaviour }),
  });
  await json(response, `PUT telephony behaviour of ${phoneNumber}`);
}

/** A customer's callback request through the public intake. */
export async function requestCallback(baseUrl: string, request: CreateCallbackRequestInput): Promise<Callback> {
  const response = await fetch(`${baseUrl}/v1/callbacks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  return json<Callback>(response, 'POST /v1/callbacks');
}

export async function getInteraction(baseUrl: string, token: string, interactionId: string): Promise<Interaction> {
  const response = await fetch(`${baseUrl}/v1/interactions/${encodeURIComponent(interactionId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return json<Interaction>(response, `GET /v1/interactions/${interactionId}`);
}
