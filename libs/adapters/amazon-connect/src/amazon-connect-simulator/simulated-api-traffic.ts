import type { RecordedVendorCall, VendorFault } from '@icc/adapter-kit';
import type { Clock } from '@icc/core';
import { HttpResponse } from 'msw';
import { SimulatedApiError } from './connect-error-statuses';

/** One request as the simulator received it, for tests that check what the SDK sent. */
export interface RecordedApiRequest {
  operation: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

const ERROR_TYPES: Record<VendorFault['status'], string> = {
  429: 'ThrottlingException',
  500: 'InternalServiceException',
  503: 'ServiceUnavailableException',
};

/**
 * Bookkeeping shared by the API and Streams handlers: every call recorded, injected faults
 * answered instead of doing the work, and the number of requests in flight (for `settle`).
 */
export interface SimulatedApiTraffic {
  readonly calls: RecordedVendorCall[];
  readonly requests: RecordedApiRequest[];
  failNext(fault: VendorFault): void;
  inFlight(): number;
  /** Runs `work` for one request and answers it the way Connect does (REST-JSON, `x-amzn-ErrorType`). */
  answer(operation: string, request: Request, work: (body: Record<string, unknown>) => unknown): Promise<Response>;
}

function errorResponse(status: number, errorType: string, message: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { 'x-amzn-ErrorType': errorType };
  if (retryAfterSeconds !== undefined) headers['Retry-After'] = String(retryAfterSeconds);
  return HttpResponse.json({ message }, { status, headers });
}

async function readJson(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SimulatedApiError(400, 'InvalidRequestException', 'The request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

export function createSimulatedApiTraffic(clock: Clock): SimulatedApiTraffic {
  const calls: RecordedVendorCall[] = [];
  const requests: RecordedApiRequest[] = [];
  const faults: VendorFault[] = [];
  let inFlight = 0;

  const record = (request: Request, status: number) => {
    const url = new URL(request.url);
    calls.push({ method: request.method, url: `${url.pathname}${url.search}`, status, at: clock.now() });
  };

  return {
    calls,
    requests,
    failNext(fault) {
      faults.push({ ...fault });
    },
    inFlight: () => inFlight,
    async answer(operation, request, work) {
      inFlight += 1;
      try {
        const fault = faults[0];
        if (fault) {
          fault.count -= 1;
          if (fault.count <= 0) faults.shift();
          record(request, fault.status);
          return errorResponse(fault.status, ERROR_TYPES[fault.status], 'Injected failure', fault.retryAfterSeconds);
        }
        let response: Response;
        try {
          const body = await readJson(request.clone());
          requests.push({
            operation,
            method: request.method,
            path: new URL(request.url).pathname,
            headers: Object.fromEntries(request.headers.entries()),
            body,
          });
          response = HttpResponse.json((work(body) ?? {}) as Record<string, unknown>);
        } catch (error) {
          if (!(error instanceof SimulatedApiError)) throw error;
          response = errorResponse(error.status, error.errorType, error.message);
        }
        record(request, response.status);
        return response;
      } finally {
        inFlight -= 1;
      }
    },
  };
}
