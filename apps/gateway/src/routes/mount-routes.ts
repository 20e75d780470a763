import express, { Router, type RequestHandler } from 'express';
import { authenticate, requireSupervisor } from '../auth/authenticate';
import { principalOf } from '../auth/principal';
import { BODY_LIMIT_BYTES, jsonBody as parseJsonBody } from '../http/json-body';
import { parseWith } from '../http/parse-with';
import { fixedHeaderValues } from './response-headers';
import { responseParts, type RouteContext, type RouteDefinition } from './route-definition';

const rawBodyParser = express.raw({
  type: () => true,
  limit: BODY_LIMIT_BYTES,
});

/** Middleware answering exactly the declared routes: body parser, `before`, authentication, validation, handler. */
export function mountRoutes(routes: readonly RouteDefinition[], context: RouteContext): RequestHandler {
  const router = Router();
  const requireAgent = authenticate(context.services.tokens);
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    // First, so that answers refused by the body parser, `before` or validation carry them too.
    if (route.alwaysHeaders) chain.push(setHeaders(fixedHeaderValues(route.alwaysHeaders)));
    if (route.body?.kind === 'json') chain.push(parseJsonBody);
    if (route.body?.kind === 'raw') chain.push(rawBodyParser);
    chain.push(...(route.before?.(context) ?? []));
    if (route.access !== 'public') chain.push(requireAgent);
    if (route.access === 'supervisor') chain.push(requireSupervisor);
    chain.push(async (req, res) => {
      const params = route.params ? parseWith(route.params, req.params, 'Path') : undefined;
      const query = route.query ? parseWith(route.query, req.query, 'Query') : undefined;
      const body = readBody(route, req.body);
      const principal = route.access === 'public' ? undefined : principalOf(res);
      const reply = await route.handle({ params, query, body, principal, req, res }, context);
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
      const declared = route.responses[reply.status];
      if (declared !== undefined && responseParts(declared).contentType !== 'application/json') {
        res.status(reply.status).send(reply.body);
      } else {
        res.status(reply.status).json(reply.body);
      }
    });
    router[route.method](route.path, ...chain);
  }
  // Express answers OPTIONS on a declared path by itself (200 "GET, HEAD, POST"), an answer no declaration describes;
  // OPTIONS gets the gateway's 404 like any undeclared method.
  return (req, res, next) => (req.method === 'OPTIONS' ? next() : router(req, res, next));
}

function readBody(route: RouteDefinition, received: unknown): unknown {
  const declared = route.body;
  if (declared === undefined) return undefined;
  if (declared.kind === 'raw') return Buffer.isBuffer(received) ? received : Buffer.alloc(0);
  return parseWith(declared.schema, declared.required ? received : (received ?? {}), 'Request body');
}

function setHeaders(values: Record<string, string>): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(values)) res.setHeader(name, value);
    next();
  };
}
