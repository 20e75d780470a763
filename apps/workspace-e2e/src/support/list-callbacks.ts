import type { Callback, CallbackPage } from '@icc/protocol';

/** `GET /v1/callbacks` with the agent's token (e.g. `{ view: 'upcoming' }`). */
export async function listCallbacks(baseUrl: string, token: string, query: Record<string, string> = {}): Promise<Callback[]> {
  const response = await fetch(`${baseUrl}/v1/callbacks?${new URLSearchParams({ limit: '200', ...query })}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`GET /v1/callbacks answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as CallbackPage).items;
}
