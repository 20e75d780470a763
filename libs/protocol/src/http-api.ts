import { z } from 'zod';
import { Agent, AgentRole } from './agent';
import { Callback } from './callback';
import { CallbackState } from './callback-state';
import { AgentId, QueueId } from './identifiers';
import { Interaction } from './interaction';
import { InteractionState } from './interaction-state';
import { IccEvent } from './events/icc-event';

/** Query of `GET /v1/callbacks`. */
export const ListCallbacksQuery = z
  .strictObject({
    queueId: QueueId.optional(),
    state: CallbackState.optional(),
    agentId: AgentId.optional(),
    /** Matches customer name, callback number, phone number or short description. */
    search: z.string().max(100).optional(),
    /** Callbacks any of whose interactions the vendor knows by this id. */
    vendorRef: z.string().min(1).max(256).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Opaque cursor from the previous page's `nextCursor`. */
    cursor: z.string().max(200).optional(),
    /**
     * `upcoming`: callbacks waiting to be called, soonest first, one page (no cursor): for an agent the
     * scheduled ones of their queues and the ones kept for them; for a supervisor every waiting scheduled
     * or kept one. Without it: newest first, an agent's own (handled) callbacks.
     */
    view: z.enum(['upcoming']).optional(),
  })
  .meta({ id: 'ListCallbacksQuery' });
export type ListCallbacksQuery = z.infer<typeof ListCallbacksQuery>;

export const CallbackPage = z
  .object({ items: z.array(Callback), nextCursor: z.string().nullable() })
  .meta({ id: 'CallbackPage' });
export type CallbackPage = z.infer<typeof CallbackPage>;

/** `GET /v1/callbacks/:id/events`: every event of every interaction the callback went through, oldest first. */
export const CallbackEventList = z.object({ items: z.array(IccEvent) }).meta({ id: 'CallbackEventList' });
export type CallbackEventList = z.infer<typeof CallbackEventList>;

/** Query of `GET /v1/interactions`. */
export const ListInteractionsQuery = z
  .strictObject({
    agentId: AgentId.optional(),
    queueId: QueueId.optional(),
    state: InteractionState.optional(),
    open: z.enum(['true', 'false']).optional(),
    /** The interaction the vendor knows by this id (its conversation or contact id). */
    vendorRef: z.string().min(1).max(256).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .meta({ id: 'ListInteractionsQuery' });
export type ListInteractionsQuery = z.infer<typeof ListInteractionsQuery>;

export const InteractionList = z.object({ items: z.array(Interaction) }).meta({ id: 'InteractionList' });
export type InteractionList = z.infer<typeof InteractionList>;

/** Body of `POST /v1/auth/dev-token` (development sign-in: pick a demo agent). */
export const DevTokenRequest = z.strictObject({ agentId: AgentId }).meta({ id: 'DevTokenRequest' });
export type DevTokenRequest = z.infer<typeof DevTokenRequest>;

export const TokenResponse = z
  .object({ token: z.string(), agent: Agent, expiresAt: z.string() })
  .meta({ id: 'TokenResponse' });
export type TokenResponse = z.infer<typeof TokenResponse>;

/** The OpenID Connect provider the workspace signs agents in with (authorization code + PKCE). */
export const OidcSignInConfig = z
  .object({
    issuer: z.string(),
    clientId: z.string(),
    /** Space-separated, e.g. `openid profile offline_access`. */
    scopes: z.string(),
  })
  .meta({ id: 'OidcSignInConfig' });
export type OidcSignInConfig = z.infer<typeof OidcSignInConfig>;

/** Body of `GET /v1/auth/config`: which sign-in this deployment offers, read by the workspace at start. */
export const SignInConfig = z
  .object({ devSignIn: z.boolean(), oidc: OidcSignInConfig.optional() })
  .meta({ id: 'SignInConfig' });
export type SignInConfig = z.infer<typeof SignInConfig>;

/** Claims of an agent token (JWT `sub` is the agent id). */
export const AgentTokenClaims = z
  .object({ sub: AgentId, role: AgentRole, name: z.string() })
  .meta({ id: 'AgentTokenClaims' });
export type AgentTokenClaims = z.infer<typeof AgentTokenClaims>;
