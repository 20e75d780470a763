import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import OpenAPIBackend, { SetMatchType } from 'openapi-backend';
import type { Document, Operation } from 'openapi-backend';
import { API_PREFIXES } from '../../http/workspace-static';

/**
 * The served document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12: openapi-backend compiles them with
 * ajv's 2020-12 class (with openapi-backend's own formats and ajv-formats) instead of its draft-07 default.
 * Its definition check only knows OpenAPI 3.0, so the document itself is checked by served-document.test.ts instead.
 */
function ajv2020(original: { formats: Record<string, unknown> }, options: object) {
  const ajv = new Ajv2020({ ...options, strict: true, allowUnionTypes: true, allErrors: true });
  // OpenAPI's `discriminator` (zod writes it for discriminated unions such as IccEvent) is an annotation here: the
  // `oneOf` beside it already decides validity.
  ajv.addVocabulary(['discriminator']);
  addFormats(ajv);
  for (const [name, format] of Object.entries(original.formats)) if (!(name in ajv.formats)) ajv.addFormat(name, format as never);
  return ajv;
}

/** One answer of the gateway, as it went on the wire, with the document the answering app serves. */
export interface RecordedExchange {
  method: string;
  /** Path and query as requested. */
  url: string;
  status: number;
  contentType: string | undefined;
  /** Response headers as sent (names in any case). */
  headers: Record<string, string>;
  body: Buffer;
  servedDocument: unknown;
}

/** Validators by served document (as JSON): gateways of the same configuration serve the same document. */
const backends = new Map<string, Promise<OpenAPIBackend>>();

function backendFor(document: unknown): Promise<OpenAPIBackend> {
  const served = JSON.stringify(document);
  let backend = backends.get(served);
  if (!backend) {
    // The document as a client receives it from GET /v1/openapi.json.
    const definition = JSON.parse(served) as Document;
    const api = new OpenAPIBackend({
      definition,
      quick: true,
      // Express routes are not strict: `/v1/interactions/` is `/v1/interactions`.
      ignoreTrailingSlashes: true,
      customizeAjv: (original, options) => ajv2020(original as never, options) as never,
    });
    backend = api.init();
    backends.set(served, backend);
  }
  return backend;
}

/**
 * Why an answer breaks the served document (undefined when it conforms): an undeclared status, a media type or a body
 * the document does not declare for that status, or a header it declares for that status missing or malformed. An API path no operation matches must be the gateway's `404 not_found`.
 */
export async function auditExchange(exchange: RecordedExchange): Promise<string | undefined> {
  const api = await backendFor(exchange.servedDocument);
  const [path = '', query = ''] = exchange.url.split('?', 2);
  const operation = api.matchOperation({ method: exchange.method, path, query, headers: {} });
  const where = `${exchange.method} ${exchange.url} → ${exchange.status}`;
  const text = exchange.body.toString('utf8');
  if (!operation) {
    // The static workspace and OpenFrame apps answer outside the API; the document describes the API only. A path with
    // dot segments (`/v1/interactions/../..`) names what a client resolves it to (`/`), which the static apps serve.
    if (!isApiPath(path) || !isApiPath(new URL(path, 'http://gateway').pathname)) return undefined;
    if (exchange.status === 404 && parseJson(text)?.['code'] === 'not_found') return undefined;
    return `${where}: no operation of the served document matches, and the answer is not 404 not_found: ${text.slice(0, 300)}`;
  }
  const declared = (operation as Operation).responses?.[String(exchange.status)];
  if (!declared || '$ref' in declared) {
    return `${where}: status ${exchange.status} is not declared for ${operation.operationId} (declared: ${Object.keys(operation.responses ?? {}).join(', ')}); body ${text.slice(0, 300)}`;
  }
  const headers = api.validator.validateResponseHeaders(exchange.headers, operation, {
    statusCode: exchange.status,
    setMatchType: SetMatchType.Superset,
  });
  if (!headers.valid) {
    return `${where}: the headers do not match those declared for ${operation.operationId}: ${JSON.stringify(headers.errors)}; sent ${JSON.stringify(exchange.headers)}`;
  }
  const mediaType = (exchange.contentType ?? '').split(';')[0]?.trim() ?? '';
  const declaredTypes = Object.keys(declared.content ?? {});
  if (!declaredTypes.includes(mediaType)) {
    return `${where}: media type "${mediaType}" is not declared (declared: ${declaredTypes.join(', ') || 'no body'})`;
  }
  if (mediaType !== 'application/json') return undefined;
  const body = parseJson(text);
  if (body === undefined) return `${where}: the body is not JSON: ${text.slice(0, 300)}`;
  const result = api.validator.validateResponse(body, operation, exchange.status);
  if (result.valid) return undefined;
  return `${where}: the body does not match the declared schema: ${JSON.stringify(result.errors)}; body ${text.slice(0, 500)}`;
}

function isApiPath(path: string): boolean {
  return API_PREFIXES.some((prefix) => path === prefix || path.startsWith(prefix + '/'));
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
