import { RETRY_AFTER_HEADERS } from '../routes/response-headers';
import { ERROR_HTTP_STATUS, ErrorBody, PROTOCOL_VERSION, type ErrorCode } from '@icc/protocol';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import { responseParts, routeErrorCodes, type RouteDefinition } from '../routes/route-definition';

export type OpenApiDocument = ReturnType<typeof createDocument>;

/** OpenAPI 3.1 of the given routes, from their declarations only (schemas, every response, every error code). */
export function buildOpenApiDocument(routes: readonly RouteDefinition[]): OpenApiDocument {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    paths[path] = { ...paths[path], [route.method]: operationOf(route) };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'ICC Callbacks gateway', version: PROTOCOL_VERSION },
    components: {
      securitySchemes: {
        agentToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      },
    },
    paths,
  });
}

function operationOf(route: RouteDefinition): ZodOpenApiOperationObject {
  const requestParams: NonNullable<ZodOpenApiOperationObject['requestParams']> = {};
  if (route.params) requestParams.path = route.params as z.ZodObject;
  if (route.query) requestParams.query = route.query as z.ZodObject;
  if (route.headers) requestParams.header = route.headers;
  const operation: ZodOpenApiOperationObject = {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description === undefined ? {} : { description: route.description }),
    security: route.access === 'public' ? [] : [{ agentToken: [] }],
    requestParams,
    responses: {
      ...successResponses(route),
      ...errorResponses(routeErrorCodes(route), route.alwaysHeaders),
    },
  };
  if (route.body?.kind === 'json') {
    operation.requestBody = {
      required: route.body.required,
      content: { 'application/json': { schema: route.body.schema } },
    };
  }
  if (route.body?.kind === 'raw') {
    operation.requestBody = {
      required: true,
      description: route.body.description,
      content: { 'application/json': { schema: route.body.schema } },
    };
  }
  return operation;
}

function successResponses(route: RouteDefinition): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, declaration] of Object.entries(route.responses)) {
    if (declaration === undefined) continue;
    const { schema, description, contentType, headers } = responseParts(declaration);
    const allHeaders = mergedHeaders(headers, route.alwaysHeaders);
    responses[status as `${1 | 2 | 3 | 4 | 5}${string}`] = {
      description: description ?? 'OK',
      content: { [contentType]: { schema } },
      ...(allHeaders ? { headers: allHeaders } : {}),
    };
  }
  return responses;
}

/** One response per status, its `code` limited to the codes this route can answer with that status. */
function errorResponses(codes: readonly ErrorCode[], alwaysHeaders: z.ZodObject | undefined): ZodOpenApiResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_HTTP_STATUS[code], [...(byStatus.get(ERROR_HTTP_STATUS[code]) ?? []), code]);
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
    const [first, ...rest] = statusCodes as [ErrorCode, ...ErrorCode[]];
    const headers = mergedHeaders(status === ERROR_HTTP_STATUS.rate_limited ? RETRY_AFTER_HEADERS : undefined, alwaysHeaders);
    responses[String(status) as `4${string}`] = {
      description: statusCodes.join(', '),
      // ErrorBody, with `code` limited to the codes this route answers with this status.
      content: { 'application/json': { schema: z.intersection(ErrorBody, z.looseObject({ code: z.enum([first, ...rest]) })) } },
      ...(headers ? { headers } : {}),
    };
  }
  return responses;
}

/** A response's own headers and the route's `alwaysHeaders`, as one object (undefined when neither). */
function mergedHeaders(own: z.ZodObject | undefined, always: z.ZodObject | undefined): z.ZodObject | undefined {
  if (!own || !always) return own ?? always;
  return own.extend(always.shape);
}
