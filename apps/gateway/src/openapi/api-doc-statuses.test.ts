import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayRoutes } from '../routes/gateway-routes';
import { buildOpenApiDocument } from './build-openapi-document';
import { renderStatusTable, STATUS_TABLE_BEGIN, STATUS_TABLE_END } from './render-status-table';

const apiDoc = readFileSync(join(__dirname, '../../../../docs/api.md'), 'utf8');
const document = buildOpenApiDocument(gatewayRoutes({ devMode: true }));

describe('docs/api.md against the OpenAPI document', () => {
  it('lists the statuses of every route exactly as the document declares them', () => {
    const begin = apiDoc.indexOf(STATUS_TABLE_BEGIN);
    const end = apiDoc.indexOf(STATUS_TABLE_END) + STATUS_TABLE_END.length;
    expect(begin).toBeGreaterThan(0);
    // Stale: run `npx tsx apps/gateway/src/openapi/write-api-doc-statuses.ts`.
    expect(apiDoc.slice(begin, end)).toBe(renderStatusTable(document));
  });

  it('describes every route of the document in its hand-written tables, and no other', () => {
    const statusTable = apiDoc.slice(apiDoc.indexOf(STATUS_TABLE_BEGIN), apiDoc.indexOf(STATUS_TABLE_END));
    const described = [...apiDoc.replace(statusTable, '').matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) \| `([^`]+)` \|/gm)].map(
      ([, method, path]) => `${method} ${path?.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
    );
    const declared = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
      Object.keys(item ?? {}).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(described.sort()).toEqual(declared.sort());
  });
});
