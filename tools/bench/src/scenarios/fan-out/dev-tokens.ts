import { benchAgentId } from '../../fixtures/bench-configuration';

/** A token per bench agent from the gateway's dev sign-in (`POST /v1/auth/dev-token`), `concurrency` requests at a time. */
export async function devTokens(url: string, agents: number, concurrency = 20): Promise<string[]> {
  const tokens: string[] = [];
  for (let first = 0; first < agents; first += concurrency) {
    const batch = Array.from({ length: Math.min(concurrency, agents - first) }, async (_, offset) => {
      const response = await fetch(`${url}/v1/auth/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ agentId: benchAgentId(first + offset) }),
      });
      if (!response.ok) throw new Error(`dev token for ${benchAgentId(first + offset)}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    });
    tokens.push(...(await Promise.all(batch)));
  }
  return tokens;
}
