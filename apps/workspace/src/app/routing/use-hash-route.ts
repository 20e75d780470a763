import { useSyncExternalStore } from 'react';
import { parseRoute, routeHref, type Route } from './route';

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

function getHash(): string {
  return window.location.hash;
}

/** The current page; `fallback` when the hash names none. */
export function useHashRoute(fallback: Route): Route {
  const hash = useSyncExternalStore(subscribe, getHash);
  return parseRoute(hash) ?? fallback;
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}
