import { ServerResponse } from 'node:http';
import type { RecordedExchange } from './response-auditor';

type Sink = (exchange: RecordedExchange) => void;

// Symbols from the global registry: node:http is shared by every test file of a jest worker, each with its own module registry.
const PATCHED = Symbol.for('icc.openapi-audit.patched');
const SINK = Symbol.for('icc.openapi-audit.sink');
const CHUNKS = Symbol.for('icc.openapi-audit.chunks');

interface AuditedResponse {
  statusCode: number;
  req: { method?: string; url?: string; originalUrl?: string };
  app?: { locals?: Record<string, unknown> };
  getHeader(name: string): unknown;
  getHeaders(): Record<string, unknown>;
  [CHUNKS]?: Buffer[];
}

/**
 * Records every answer of an express app that serves an OpenAPI document (`app.locals.openApiDocument`, set by
 * createHttpApp), byte for byte as written to the socket, and hands it to `sink` (the current test file's).
 */
export function recordGatewayResponses(sink: Sink): void {
  const prototype = ServerResponse.prototype as unknown as Record<symbol, unknown> & {
    write: (...args: unknown[]) => boolean;
    end: (...args: unknown[]) => unknown;
  };
  prototype[SINK] = sink;
  if (prototype[PATCHED]) return;
  prototype[PATCHED] = true;
  const { write, end } = prototype;
  prototype.write = function (this: AuditedResponse, chunk: unknown, ...rest: unknown[]) {
    keep(this, chunk, rest[0]);
    return write.call(this, chunk, ...rest);
  };
  prototype.end = function (this: AuditedResponse, chunk?: unknown, ...rest: unknown[]) {
    if (typeof chunk !== 'function') keep(this, chunk, rest[0]);
    report(this, prototype[SINK] as Sink);
    return end.call(this, chunk, ...rest);
  };
}

function keep(res: AuditedResponse, chunk: unknown, encoding: unknown): void {
  if (chunk === undefined || chunk === null || !servedDocumentOf(res)) return;
  const buffer =
    typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.from(chunk as Uint8Array);
  (res[CHUNKS] ??= []).push(buffer);
}

function report(res: AuditedResponse, sink: Sink): void {
  const servedDocument = servedDocumentOf(res);
  // HEAD answers carry no body (express answers them with the GET route); the document declares GET.
  if (!servedDocument || res.req.method === 'HEAD') return;
  const contentType = res.getHeader('content-type');
  sink({
    method: res.req.method ?? 'GET',
    url: res.req.originalUrl ?? res.req.url ?? '/',
    status: res.statusCode,
    contentType: typeof contentType === 'string' ? contentType : undefined,
    headers: headerValues(res.getHeaders()),
    body: Buffer.concat(res[CHUNKS] ?? []),
    servedDocument: servedDocument(),
  });
  res[CHUNKS] = [];
}

/** Header values as text, the way they went on the wire (a number such as Content-Length becomes its digits). */
export function headerValues(headers: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) values[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return values;
}

function servedDocumentOf(res: AuditedResponse): (() => unknown) | undefined {
  const document = res.app?.locals?.['openApiDocument'];
  return typeof document === 'function' ? (document as () => unknown) : undefined;
}
