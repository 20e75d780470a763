import {
  connectStore,
  createAgentStream,
  createIccRestClient,
  createInteractionStore,
  type IccRestClient,
} from '@icc/client';
import type { BridgeSession } from './bridge-session';

export interface GatewaySession extends BridgeSession {
  rest: IccRestClient;
  close(): void;
}

/** `ws(s)://<this origin>/v1/agent-stream`: the gateway serves the OpenFrame app too. */
function agentStreamUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/v1/agent-stream`;
}

/**
 * The agent's connection to the gateway with @icc/client: the stream folded into a store (a reload
 * starts from the stream's snapshot), commands over the stream while it is open and over REST
 * otherwise, each answer folded in at once.
 */
export function createGatewaySession(agentId: string, getToken: () => string | undefined): GatewaySession {
  const rest = createIccRestClient({ baseUrl: window.location.origin, getToken });
  const stream = createAgentStream({ url: agentStreamUrl(), getToken });
  const store = createInteractionStore();
  const disconnect = connectStore(stream, store);
  return {
    rest,
    getState: store.getState,
    subscribe: store.subscribe,
    async sendCommand(command) {
      const { interactionId, ...body } = command;
      const interaction =
        stream.status === 'open' ? await stream.sendCommand(command) : await rest.sendCommand(interactionId, body);
      store.upsertInteraction(interaction);
      return interaction;
    },
    listAgents: () => rest.listAgents(),
    setPresence: (presence) => rest.setPresence(agentId, presence),
    close() {
      disconnect();
      stream.close();
      store.reset();
    },
  };
}
