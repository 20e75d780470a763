import type { RecordedVendorCall, VendorFault } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import type { z } from 'zod';
import { HttpResponse, type DefaultBodyType, type HttpResponseResolver, type PathParams } from 'msw';
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

function errorBody(status: number, code: string, message: string) {
  return HttpResponse.json({ message, code, status, contextId: 'simulator' }, { status });
}

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
      const headers = fault?.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(fault.retryAfterSeconds) };
      return HttpResponse.json(
        { message: 'Simulated failure', code: status === 429 ? 'too.many.requests' : 'service.unavailable', status },
        { status, ...(headers ? { headers } : {}) },
      );
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
      return errorBody(400, 'bad.request', `The request could not be understood: ${issues.join('; ')}`);
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
