import { WrapUpReason } from '@icc/protocol';
import { z } from 'zod';

/** How the gateway reaches one Genesys Cloud org; only queues and users in `queueMap`/`userMap` (ICC id → Genesys id) are seen. */
export const GenesysAdapterConfig = z.object({
  /** Region hosts: API (`https://api.mypurecloud.de`) and login (`https://login.mypurecloud.de`, `POST /oauth/token`). */
  baseUrl: z.url(),
  authUrl: z.url(),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  queueMap: z.record(z.string(), z.string().min(1)),
  userMap: z.record(z.string(), z.string().min(1)),
  /** Replaces the origin of the channel's `connectUri` (a proxy in front of the streaming host). */
  notificationsUrl: z.url().optional(),
  /**
   * `PatchCallbackRequest.agentId` is required (SDK model, documented only as "The agentId"): an
   * agent's reschedule names that agent's user, one by the API or the customer names this user.
   */
  rescheduleUserId: z.string().min(1).optional(),
  /** The org's presence definitions (`GET /api/v2/presence/definitions`) for On Queue, Away and Offline. */
  presenceDefinitionIds: z
    .object({ onQueue: z.string().min(1), away: z.string().min(1), offline: z.string().min(1) })
    .default({ onQueue: 'ON_QUEUE', away: 'AWAY', offline: 'OFFLINE' }),
  /** Wrap-up code id per ICC wrap-up reason (`GET /api/v2/routing/wrapupcodes`). */
  wrapupCodes: z
    .record(WrapUpReason, z.string().min(1))
    .default(Object.fromEntries(WrapUpReason.options.map((reason) => [reason, reason])) as Record<WrapUpReason, string>),
  /** Applied when the agent closes a callback without (or after failing) reaching the customer. */
  closeCallbackWrapupCode: z.string().min(1).default('callback-closed'),
  /** ICC routing skill / language (`de-DE`) → Genesys skill / routing language id (`GET /api/v2/routing/skills`, `…/languages`), for `RoutingData`. */
  skillMap: z.record(z.string(), z.string().min(1)).default({}),
  languageMap: z.record(z.string(), z.string().min(1)).default({}),
  scriptId: z.string().optional(),
  /** Tries per vendor call and backoff ceilings (`createVendorHttpClient`). */
  maxAttempts: z.number().int().min(1).max(10).default(4),
  baseDelayMs: z.number().int().min(0).default(500),
  maxDelayMs: z.number().int().min(0).default(20_000),
  /** Genesys sends a heartbeat every 30 s; a socket silent this long is replaced. */
  heartbeatTimeoutMs: z.number().int().min(1000).default(90_000),
  /** Interactions waiting on Genesys without a notification this long are read back (delivery is not guaranteed). */
  reconcileAfterMs: z.number().int().min(1000).default(60_000),
  estimatedWaitRefreshMs: z.number().int().min(1000).default(30_000),
  tokenRefreshMarginMs: z.number().int().min(0).default(60_000),
});
export type GenesysAdapterConfig = z.infer<typeof GenesysAdapterConfig>;
export type GenesysAdapterConfigInput = z.input<typeof GenesysAdapterConfig>;
