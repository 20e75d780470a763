/** The last `capacity` ids seen: drops redeliveries of at-least-once streams, remembers ids whose news is over. */
export interface RecentIds {
  /** True the first time an id is seen, false for a repeat. */
  firstSighting(id: string): boolean;
  has(id: string): boolean;
  remember(id: string): void;
  /** Forgets an id whose processing failed, so its redelivery is applied. */
  forget(id: string): void;
}

export function createRecentIds(capacity: number): RecentIds {
  const seen = new Set<string>();
  const remember = (id: string) => {
    seen.add(id);
    if (seen.size > capacity) seen.delete(seen.values().next().value as string);
  };
  return {
    firstSighting(id) {
      if (seen.has(id)) return false;
      remember(id);
      return true;
    },
    has: (id) => seen.has(id),
    remember,
    forget: (id) => {
      seen.delete(id);
    },
  };
}
