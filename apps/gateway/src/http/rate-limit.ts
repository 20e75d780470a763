import { IccError } from '@icc/core';
import type { RequestHandler } from 'express';
import { createTokenBucket, type TokenBucket, type TokenBucketSettings } from './token-bucket';

const MAX_TRACKED_CLIENTS = 10_000;

/** `429 rate_limited` with the number of seconds to wait. */
export class RateLimitedError extends IccError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`);
    this.name = 'RateLimitedError';
  }
}

/** A token bucket per client IP (the socket's address; no proxy headers are trusted). */
export function rateLimitPerClient(settings: TokenBucketSettings, now: () => number): RequestHandler {
  const buckets = new Map<string, TokenBucket>();
  return (req, _res, next) => {
    const client = req.socket.remoteAddress ?? 'unknown';
    const at = now();
    let bucket = buckets.get(client);
    if (!bucket) {
      if (buckets.size >= MAX_TRACKED_CLIENTS) {
        for (const [key, candidate] of buckets) if (candidate.isFull(at)) buckets.delete(key);
        const oldest = buckets.keys().next();
        if (buckets.size >= MAX_TRACKED_CLIENTS && !oldest.done) buckets.delete(oldest.value);
      }
      bucket = createTokenBucket(settings, at);
      buckets.set(client, bucket);
    }
    const decision = bucket.take(at);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterSeconds);
    next();
  };
}
