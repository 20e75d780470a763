import { createIccRestClient } from '@icc/client';
import type { Agent } from '@icc/protocol';
import { readAgentMapping, sysUserIdFor, type AgentMapping } from './bridge/agent-mapping';
import { createGatewaySession } from './bridge/create-gateway-session';
import { loadOpenFrameApi, openFrameScriptUrl } from './bridge/load-open-frame-api';
import { startOpenFrameBridge } from './bridge/open-frame-bridge';
import type { OpenFrameApi } from './contract/open-frame-api';
import { renderProblem, renderSignedIn, renderSignIn } from './ui/render';

const TOKEN_KEY = 'icc.servicenow-openframe.token';
const root = document.getElementById('app') as HTMLElement;
const getToken = () => window.sessionStorage.getItem(TOKEN_KEY) ?? undefined;
const rest = createIccRestClient({ baseUrl: window.location.origin, getToken });

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function run(api: OpenFrameApi, mapping: AgentMapping, agent: Agent): void {
  const session = createGatewaySession(agent.id, getToken);
  const bridge = startOpenFrameBridge({
    api,
    session,
    agent: { agentId: agent.id, sysUserId: sysUserIdFor(mapping, agent.id), displayName: agent.displayName },
    onLogout: () => void signOut(),
  });
  api.setSubtitle(agent.displayName);
  async function signOut(): Promise<void> {
    await session.setPresence('offline').catch(() => undefined);
    bridge.stop();
    session.close();
    window.sessionStorage.removeItem(TOKEN_KEY);
    await offerSignIn(api, mapping);
  }
  renderSignedIn(root, agent, () => void signOut());
}

async function offerSignIn(api: OpenFrameApi, mapping: AgentMapping): Promise<void> {
  try {
    const agents = await rest.listDevAgents();
    renderSignIn(root, agents, (agent) => {
      rest.devSignIn(agent.id).then(
        (response) => {
          window.sessionStorage.setItem(TOKEN_KEY, response.token);
          run(api, mapping, response.agent);
        },
        (error: unknown) => renderProblem(root, `Sign-in failed: ${describe(error)}`),
      );
    });
  } catch (error) {
    renderProblem(root, `The ICC gateway did not answer: ${describe(error)}`);
  }
}

/** After a reload the stored token still names the agent; the stream's snapshot restores the rest. */
async function start(api: OpenFrameApi, snConfig: unknown): Promise<void> {
  const mapping = readAgentMapping(snConfig);
  if (getToken()) {
    try {
      return run(api, mapping, await rest.me());
    } catch {
      window.sessionStorage.removeItem(TOKEN_KEY);
    }
  }
  await offerSignIn(api, mapping);
}

const scriptUrl = openFrameScriptUrl(window.location, document.referrer);
if (scriptUrl === undefined) {
  renderProblem(root, 'Open this page from a ServiceNow OpenFrame configuration (?instance=https://<instance>.service-now.com).');
} else {
  loadOpenFrameApi(scriptUrl).then(
    (api) =>
      api.init(
        { title: 'ICC Callbacks' },
        (snConfig) => void start(api, snConfig),
        (error) => renderProblem(root, `openFrameAPI.init failed: ${describe(error)}`),
      ),
    (error: unknown) => renderProblem(root, describe(error)),
  );
}
