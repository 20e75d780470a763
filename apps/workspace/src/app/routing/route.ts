/** The workspace's pages, addressed by the URL hash (`#/inbox`, `#/interactions/:id`, …). */
export type Route =
  | { page: 'inbox' }
  | { page: 'interaction'; interactionId: string }
  | { page: 'callbacks' }
  | { page: 'supervisor' };

/** The route of a `location.hash`, or `undefined` when it names no page. */
export function parseRoute(hash: string): Route | undefined {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '/inbox') return { page: 'inbox' };
  if (path === '/callbacks') return { page: 'callbacks' };
  if (path === '/supervisor') return { page: 'supervisor' };
  const interaction = /^\/interactions\/([^/]+)$/.exec(path);
  if (interaction?.[1]) {
    try {
      return { page: 'interaction', interactionId: decodeURIComponent(interaction[1]) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'interaction':
      return `#/interactions/${encodeURIComponent(route.interactionId)}`;
    default:
      return `#/${route.page}`;
  }
}

export function interactionHref(interactionId: string): string {
  return routeHref({ page: 'interaction', interactionId });
}
