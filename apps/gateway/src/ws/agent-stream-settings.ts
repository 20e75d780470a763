import type { TokenBucketSettings } from '../http/token-bucket';

export interface AgentStreamSettings {
  heartbeatSeconds: number;
  helloTimeoutMs: number;
  /** Send buffer cap: past it the socket is closed with 4000 (resumable). */
  maxBufferedBytes: number;
  /** Frames a client may send; past it the socket is closed with 4429. */
  frameRate: TokenBucketSettings;
  /** Supervisors get `queue.stats` at most this often while events flow. */
  queueStatsIntervalMs: number;
}

export const DEFAULT_AGENT_STREAM_SETTINGS: AgentStreamSettings = {
  heartbeatSeconds: 15,
  helloTimeoutMs: 10_000,
  maxBufferedBytes: 4 * 1024 * 1024,
  frameRate: { capacity: 50, ratePerSecond: 20 },
  queueStatsIntervalMs: 1000,
};
