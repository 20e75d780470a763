import type { Agent } from '@icc/protocol';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** A one-line problem the agent must see (no gateway, no openFrameAPI, a refused sign-in). */
export function renderProblem(root: HTMLElement, message: string): void {
  root.replaceChildren(element('h1', 'ICC Callbacks'), element('p', message, { role: 'alert' }));
}

/** Development sign-in inside the OpenFrame: pick one of the gateway's demo agents. */
export function renderSignIn(root: HTMLElement, agents: readonly Agent[], onPick: (agent: Agent) => void): void {
  const list = element('ul');
  for (const agent of agents.filter((candidate) => candidate.role === 'agent')) {
    const button = element('button', `Sign in as ${agent.displayName}`, { type: 'button' });
    button.addEventListener('click', () => onPick(agent));
    const item = element('li');
    item.append(button);
    list.append(item);
  }
  root.replaceChildren(element('h1', 'ICC Callbacks'), element('p', 'Development sign-in: pick your ICC agent.'), list);
}

/** What the frame shows once signed in: ServiceNow's own ICC shows the calls. */
export function renderSignedIn(root: HTMLElement, agent: Agent, onSignOut: () => void): void {
  const signOut = element('button', 'Sign out', { type: 'button' });
  signOut.addEventListener('click', onSignOut);
  root.replaceChildren(
    element('h1', 'ICC Callbacks'),
    element('p', `Signed in as ${agent.displayName}. Callbacks appear in ServiceNow's interaction controls.`, { role: 'status' }),
    signOut,
  );
}
