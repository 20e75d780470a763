import { ErrorBody, toErrorIssues } from '@icc/protocol';
import type { z } from 'zod';
import { IccApiError } from './icc-api-error';

export interface JsonRequest<Schema extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Schema of the 2xx answer; a body that does not match is an `invalid_response` error. */
  responseSchema: Schema;
}

export interface JsonResponse<Value> {
  status: number;
  value: Value;
}

/** One HTTP round trip: JSON in, JSON out, every failure turned into an `IccApiError`. */
export async function requestJson<Schema extends z.ZodType>(
  fetchImpl: typeof fetch,
  request: JsonRequest<Schema>,
): Promise<JsonResponse<z.infer<Schema>>> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const what = `${request.method} ${request.url}`;

  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(request.url, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
    text = await response.text();
  } catch (cause) {
    throw new IccApiError(
      0,
      { code: 'network_error', message: `${what} failed before an answer arrived: ${describe(cause)}. Is the gateway running?` },
      { cause },
    );
  }

  const json = parseJson(text);
  if (!response.ok) {
    const errorBody = ErrorBody.safeParse(json.ok ? json.value : undefined);
    if (errorBody.success) throw new IccApiError(response.status, errorBody.data);
    throw new IccApiError(response.status, {
      code: 'http_error',
      message: `${what} answered ${response.status} ${response.statusText} without an ICC error body`,
    });
  }
  if (!json.ok) {
    throw new IccApiError(response.status, {
      code: 'invalid_response',
      message: `${what} answered ${response.status} with a body that is not JSON`,
    });
  }
  const parsed = request.responseSchema.safeParse(json.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new IccApiError(
      response.status,
      {
        code: 'invalid_response',
        message: `${what} answered a body that does not match the ICC contract${where}: ${first?.message ?? 'unknown problem'}`,
        issues: toErrorIssues(parsed.error.issues),
      },
      { cause: parsed.error },
    );
  }
  return { status: response.status, value: parsed.data };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : '';
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
