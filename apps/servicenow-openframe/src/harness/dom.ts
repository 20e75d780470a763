/** Tiny DOM helpers for the harness page. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function button(label: string, onClick: () => void): HTMLButtonElement {
  const node = el('button', { type: 'button' }, label);
  node.addEventListener('click', onClick);
  return node;
}

export function region(label: string, ...children: (Node | string)[]): HTMLElement {
  return el('section', { 'aria-label': label }, el('h2', {}, label), ...children);
}
