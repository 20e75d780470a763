import { ERROR_HTTP_STATUS, type ErrorCode } from '@icc/protocol';
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { Principal } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import type { TokenBucketSettings } from '../http/token-bucket';
import { fixedHeaderValues } from './response-headers';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Who may call: anyone, any signed-in agent (401 otherwise), or supervisors only (401/403 otherwise). */
export type RouteAccess = 'public' | 'agent' | 'supervisor';

/** A success (or non-error) answer: a zod schema of its JSON body, or a body of another media type. */
export type ResponseDeclaration =
  | z.ZodType
  | {
      schema: z.ZodType;
      description?: string;
      contentType?: 'application/json' | 'text/plain';
      /** Headers this answer always carries (documented; the tests' response audit checks each is sent and valid). */
      headers?: z.ZodObject;
    };

export type ResponseDeclarations = Partial<Record<number, ResponseDeclaration>>;

/** How the request body is read: JSON validated by the schema, or raw bytes the handler verifies itself (signed webhooks). */
export type BodyDeclaration =
  { kind: 'json'; schema: z.ZodType; required: boolean } | { kind: 'raw'; schema: z.ZodType; description: string };

/** What every route handler may use: the gateway's services and the app's settings, the document it serves. */
export interface RouteContext {
  services: GatewayServices;
  intakeRateLimit: TokenBucketSettings;
  /** The OpenAPI document built from the mounted routes (served at `/v1/openapi.json`). */
  openApiDocument(): unknown;
}

type SchemaOutput<S> = S extends z.ZodType ? z.infer<S> : undefined;
type DeclaredSchema<D> = D extends z.ZodType ? D : D extends { schema: infer S } ? S : never;
type BodyOutput<B> = B extends { kind: 'json'; schema: infer S } ? SchemaOutput<S> : B extends { kind: 'raw' } ? Buffer : undefined;

/** The handler's answer: one of the declared statuses with a body of its declared schema. */
export type RouteReply<R extends ResponseDeclarations> = {
  [S in keyof R & number]: {
    status: S;
    body: z.infer<DeclaredSchema<R[S]>>;
    headers?: Record<string, string>;
  };
}[keyof R & number];

export interface RouteInput<P, Q, B, A extends RouteAccess> {
  params: SchemaOutput<P>;
  query: SchemaOutput<Q>;
  body: BodyOutput<B>;
  /** The verified caller; `undefined` on public routes. */
  principal: A extends 'public' ? undefined : Principal;
  req: Request;
  res: Response;
}

/** One route, declared once: express mounts it (with validation) and the OpenAPI document describes it from this object. */
export interface RouteSpec<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends BodyDeclaration | undefined,
  R extends ResponseDeclarations,
  A extends RouteAccess,
> {
  operationId: string;
  method: HttpMethod;
  /** Express syntax (`/v1/callbacks/:id`); the document writes `{id}`. */
  path: string;
  summary: string;
  description?: string;
  access: A;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented request headers; read (and checked, with their own error codes) by the handler. */
  headers?: z.ZodObject;
  /** Every non-error answer, by status. */
  responses: R;
  /**
   * Headers of one fixed value each (`z.literal`) sent with EVERY answer of this route, errors included (those of its
   * body parser, `before` middleware and validation too); documented on each of its responses.
   */
  alwaysHeaders?: z.ZodObject;
  /**
   * Every error code the route itself can answer (beyond those implied by `access`, `params`, `query` and `body`);
   * each is documented under its status (ERROR_HTTP_STATUS) with `code` limited to the codes listed.
   */
  errors: readonly ErrorCode[];
  /** Middleware run after the body parser and before authentication (rate limits, shutdown refusal). */
  before?: (context: RouteContext) => RequestHandler[];
  handle(input: NoInfer<RouteInput<P, Q, B, A>>, context: RouteContext): NoInfer<RouteReply<R> | Promise<RouteReply<R>>>;
}

/** A declared route with its types erased, as lists of routes hold them. */
export interface RouteDefinition {
  operationId: string;
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  access: RouteAccess;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: BodyDeclaration;
  headers?: z.ZodObject;
  responses: ResponseDeclarations;
  alwaysHeaders?: z.ZodObject;
  errors: readonly ErrorCode[];
  before?: (context: RouteContext) => RequestHandler[];
  handle(input: ErasedRouteInput, context: RouteContext): RouteReplyErased | Promise<RouteReplyErased>;
}

export interface ErasedRouteInput {
  params: unknown;
  query: unknown;
  body: unknown;
  principal: Principal | undefined;
  req: Request;
  res: Response;
}

export interface RouteReplyErased {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Declares a route; the handler is type-checked against the declared schemas and responses. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends BodyDeclaration | undefined = undefined,
  R extends ResponseDeclarations = ResponseDeclarations,
  A extends RouteAccess = RouteAccess,
>(spec: RouteSpec<P, Q, B, R, A>): RouteDefinition {
  for (const code of routeErrorCodes(spec as unknown as RouteDefinition)) {
    if (spec.responses[ERROR_HTTP_STATUS[code]] !== undefined) {
      throw new Error(`${spec.operationId}: status ${ERROR_HTTP_STATUS[code]} is declared both as a response and for error ${code}`);
    }
  }
  if (spec.alwaysHeaders) fixedHeaderValues(spec.alwaysHeaders);
  return spec as unknown as RouteDefinition;
}

/** A JSON request body validated by `schema` (400 validation_failed with the zod issue paths). */
export function jsonBody<S extends z.ZodType>(
  schema: S,
  options: { required?: boolean } = {},
): { kind: 'json'; schema: S; required: boolean } {
  return { kind: 'json', schema, required: options.required ?? true };
}

/** Raw bytes for the handler to verify (a signature over the exact body); `schema` only documents it. */
export function rawBody(schema: z.ZodType, description: string): { kind: 'raw'; schema: z.ZodType; description: string } {
  return { kind: 'raw', schema, description };
}

/** The error codes a route can answer: its own plus those its access, parameters and body imply. */
export function routeErrorCodes(route: RouteDefinition): ErrorCode[] {
  const implied: ErrorCode[] = [];
  // A path parameter that is not valid percent-encoding (`/v1/callbacks/%`) is refused before any handler.
  if (route.params || route.query) implied.push('validation_failed');
  if (route.body?.kind === 'json') implied.push('validation_failed', 'malformed_json', 'payload_too_large', 'unsupported_media_type');
  if (route.body?.kind === 'raw') implied.push('malformed_json', 'payload_too_large', 'unsupported_media_type');
  // A bearer token may be refused (401), or be an identity provider's for no ICC agent (403 unknown_agent).
  if (route.access !== 'public') implied.push('unauthorized', 'unknown_agent');
  if (route.access === 'supervisor') implied.push('forbidden');
  return [...new Set([...implied, ...route.errors])];
}

/** A response declaration's schema, description and media type, whichever form it was written in. */
export function responseParts(declaration: ResponseDeclaration): {
  schema: z.ZodType;
  description?: string;
  contentType: string;
  headers?: z.ZodObject;
} {
  if ('_zod' in declaration) return { schema: declaration, contentType: 'application/json' };
  return {
    schema: declaration.schema,
    description: declaration.description,
    contentType: declaration.contentType ?? 'application/json',
    headers: declaration.headers,
  };
}

/** A handler's answer (`return reply(200, callback)`): the status stays a literal, so it is checked against the declared ones. */
export function reply<S extends number, Body>(
  status: S,
  body: Body,
  headers?: Record<string, string>,
): { status: S; body: Body; headers?: Record<string, string> } {
  return headers === undefined ? { status, body } : { status, body, headers };
}
