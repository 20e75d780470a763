import { randomUUID } from 'node:crypto';
import type { RecordedVendorCall, VendorFault } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { z } from 'zod';
import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
import type { Models } from 'purecloud-platform-client-v2';
import { SimRefusal } from './simulator-agent-actions';
import { SIMULATOR_REQUEST_SCHEMAS, type SimulatorEndpoint } from './simulator-request-schemas';

/** One request the simulator received, with how its body compared to the endpoint's request schema. */
export interface SimRequestRecord {
  endpoint: SimulatorEndpoint | 'unknown';
  method: string;
  url: string;
  body: unknown;
  issues: string[];
}

export interface SimHttpState {
  clock: Clock;
  calls: RecordedVendorCall[];
  requests: SimRequestRecord[];
  faults: VendorFault[];
  tokens: Map<string, number>;
}

export type SimHandler<Endpoint extends SimulatorEndpoint> = (input: {
  body: z.infer<(typeof SIMULATOR_REQUEST_SCHEMAS)[Endpoint]>;
  params: Record<string, string>;
  url: URL;
}) => unknown;

/**
 * Genesys's error body (`Models.ErrorBody`): `message`, `code`, `status`, `messageWithParams` +
 * `messageParams`, `contextId` (the correlation id support asks for), `details`, `errors`.
 */
function errorBody(status: number, code: string, message: string, options: { details?: Models.Detail[]; headers?: Record<string, string> } = {}) {
  const body: Models.ErrorBody = { message, code, status, messageWithParams: message, messageParams: {}, contextId: randomUUID(), details: options.details ?? [], errors: [] };
  return HttpResponse.json(body, { status, ...(options.headers ? { headers: options.headers } : {}) });
}

/** A 429 always carries `Retry-After`; the simulator's own default wait when a test names none. */
const DEFAULT_RETRY_AFTER_SECONDS = 1;

async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  if ((request.headers.get('content-type') ?? '').includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * Wraps one endpoint: records the call, answers injected faults first (429 with `Retry-After`,
 * 5xx; a 500 `afterWork` only once the handler ran), checks the bearer token, validates the body against the simulator's request schema
 * (400 on a mismatch, kept for the contract test), then runs the handler.
 */
export function simEndpoint<Endpoint extends SimulatorEndpoint>(
  state: SimHttpState,
  endpoint: Endpoint,
  handler: SimHandler<Endpoint>,
  options: { authenticated?: boolean; status?: number } = {},
): HttpResponseResolver<PathParams, DefaultBodyType> {
  return async ({ request, params }) => {
    const url = new URL(request.url);
    const body = await readBody(request);
    const record = (status: number) => state.calls.push({ method: request.method, url: `${url.pathname}${url.search}`, status, at: state.clock.now() });
    const fault = options.authenticated === false ? undefined : state.faults[0];
    if (fault) {
      fault.count -= 1;
      if (fault.count <= 0) state.faults.shift();
    }
    const failure = (status: number) => {
      record(status);
      const retryAfter = fault?.retryAfterSeconds ?? (status === 429 ? DEFAULT_RETRY_AFTER_SECONDS : undefined);
      const headers = retryAfter === undefined ? undefined : { 'Retry-After': String(retryAfter) };
      // Genesys's 429 codes (x-inin-error-codes of the API definition): `too.many.requests.retry.after` when it names the wait.
      if (status === 429) return errorBody(429, 'too.many.requests.retry.after', `Rate limit exceeded; retry after ${retryAfter} s`, { headers: headers ?? {} });
      return errorBody(status, status === 503 ? 'service.unavailable' : 'internal.server.error', 'Simulated failure', headers ? { headers } : {});
    };
    if (fault && !(fault.afterWork === true && fault.status === 500)) return failure(fault.status);
    if (options.authenticated !== false) {
      const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /, '');
      const expiresAt = state.tokens.get(token);
      if (expiresAt === undefined || expiresAt <= state.clock.now()) {
        record(401);
        return errorBody(401, 'authentication.required', 'No authentication bearer token specified in authorization header.');
      }
    }
    const parsed = SIMULATOR_REQUEST_SCHEMAS[endpoint].safeParse(body);
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    state.requests.push({ endpoint, method: request.method, url: url.pathname, body, issues });
    if (!parsed.success) {
      record(400);
      const details = parsed.error.issues.map((issue) => ({ errorCode: issue.code, fieldName: issue.path.join('.') }));
      return errorBody(400, 'bad.request', `The request could not be understood: ${issues.join('; ')}`, { details });
    }
    try {
      const answer = handler({ body: parsed.data as z.infer<(typeof SIMULATOR_REQUEST_SCHEMAS)[Endpoint]>, params: params as Record<string, string>, url });
      if (fault) return failure(fault.status);
      const status = options.status ?? (answer === undefined ? 202 : 200);
      record(status);
      return answer === undefined ? new HttpResponse(null, { status }) : HttpResponse.json(answer as Record<string, unknown>, { status });
    } catch (error) {
      if (!(error instanceof SimRefusal)) throw error;
      record(error.status);
      return errorBody(error.status, error.code, error.message);
    }
  };
}
