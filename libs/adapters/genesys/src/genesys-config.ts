import { z } from 'zod';

const WRAP_UP_REASONS = ['resolved', 'follow-up-required', 'escalated', 'not-interested', 'wrong-number', 'other'] as const;

/**
 * How the gateway reaches one Genesys Cloud org. `queueMap` and `userMap` translate ICC ids to
 * the org's own queue and user ids; anything not mapped is invisible to the adapter.
 */
export const GenesysAdapterConfig = z.object({
  /** Region API host, e.g. `https://api.mypurecloud.com` or `https://api.mypurecloud.de`. */
  baseUrl: z.url(),
  /** Region login host for `POST /oauth/token`, e.g. `https://login.mypurecloud.com`. */
  authUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  queueMap: z.record(z.string(), z.string().min(1)),
  userMap: z.record(z.string(), z.string().min(1)),
  /** Replaces the origin of the channel's `connectUri` (a proxy in front of the streaming host). */
  notificationsUrl: z.url().optional(),
  /**
   * `PatchCallbackRequest.agentId` is required (SDK model) and documented only as "The agentId".
   * An agent's own reschedule names that agent's user; a reschedule by the API or the customer
   * names this user (the integration's Genesys user). Without it such reschedules are refused.
   */
  rescheduleUserId: z.string().min(1).optional(),
  /** Presence definitions of the org (`GET /api/v2/presence/definitions`) for Available (On Queue), Away and Offline. */
  presenceDefinitionIds: z
    .object({ onQueue: z.string().min(1), away: z.string().min(1), offline: z.string().min(1) })
    .default({ onQueue: 'ON_QUEUE', away: 'AWAY', offline: 'OFFLINE' }),
  /** Wrap-up code id per ICC wrap-up reason (`GET /api/v2/routing/wrapupcodes`). */
  wrapupCodes: z
    .record(z.enum(WRAP_UP_REASONS), z.string().min(1))
    .default(Object.fromEntries(WRAP_UP_REASONS.map((reason) => [reason, reason])) as Record<(typeof WRAP_UP_REASONS)[number], string>),
  /** Wrap-up code applied when the agent closes a callback without (or after failing) reaching the customer. */
  closeCallbackWrapupCode: z.string().min(1).default('callback-closed'),
  /** ICC routing skill → Genesys skill id (`GET /api/v2/routing/skills`), for `RoutingData.skillIds`. */
  skillMap: z.record(z.string(), z.string().min(1)).default({}),
  /** ICC language (e.g. `de-DE`) → Genesys routing language id (`GET /api/v2/routing/languages`), for `RoutingData.languageId`. */
  languageMap: z.record(z.string(), z.string().min(1)).default({}),
  /** Engage script shown to the agent, if any. */
  scriptId: z.string().optional(),
  /** Vendor API calls: tries per call and backoff ceilings (see `createVendorHttpClient`). */
  maxAttempts: z.number().int().min(1).max(10).default(4),
  baseDelayMs: z.number().int().min(0).default(500),
  maxDelayMs: z.number().int().min(0).default(20_000),
  /** Genesys sends a heartbeat every 30 s; a socket silent this long is replaced. */
  heartbeatTimeoutMs: z.number().int().min(1000).default(90_000),
  /**
   * Interactions waiting on Genesys (dialing, an expired offer, a retry due, a transfer) without a
   * notification this long are read back: the notification service does not guarantee delivery.
   */
  reconcileAfterMs: z.number().int().min(1000).default(60_000),
  /** A queue's estimated wait (`queuePosition`) is read from Genesys at most this often. */
  estimatedWaitRefreshMs: z.number().int().min(1000).default(30_000),
  /** A token is refreshed this long before it expires. */
  tokenRefreshMarginMs: z.number().int().min(0).default(60_000),
});
export type GenesysAdapterConfig = z.infer<typeof GenesysAdapterConfig>;
export type GenesysAdapterConfigInput = z.input<typeof GenesysAdapterConfig>;
