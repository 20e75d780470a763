/** Tokens refill continuously at `ratePerSecond` up to `capacity`; one request takes one token. */
export interface TokenBucketSettings {
  capacity: number;
  ratePerSecond: number;
}

export interface TokenBucket {
  /** Takes a token; answers how long to wait (seconds) when none is left. */
  take(now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  isFull(now: number): boolean;
}

export function createTokenBucket(settings: TokenBucketSettings, now: number): TokenBucket {
  let tokens = settings.capacity;
  let updatedAt = now;
  const refill = (at: number) => {
    tokens = Math.min(settings.capacity, tokens + ((at - updatedAt) / 1000) * settings.ratePerSecond);
    updatedAt = Math.max(updatedAt, at);
  };
  return {
    take(at) {
      refill(at);
      if (tokens >= 1) {
        tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / settings.ratePerSecond)) };
    },
    isFull(at) {
      refill(at);
      return tokens >= settings.capacity;
    },
  };
}
