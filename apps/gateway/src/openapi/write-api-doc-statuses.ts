/** `npx tsx apps/gateway/src/openapi/write-api-doc-statuses.ts`: rewrites docs/api.md's status table from the route declarations. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gatewayRoutes } from '../routes/gateway-routes';
import { buildOpenApiDocument } from './build-openapi-document';
import { renderStatusTable, STATUS_TABLE_BEGIN, STATUS_TABLE_END } from './render-status-table';

const file = join(__dirname, '../../../../docs/api.md');
const text = readFileSync(file, 'utf8');
const begin = text.indexOf(STATUS_TABLE_BEGIN);
const end = text.indexOf(STATUS_TABLE_END);
if (begin < 0 || end < begin) throw new Error(`docs/api.md has no "${STATUS_TABLE_BEGIN}" … "${STATUS_TABLE_END}" block`);
const table = renderStatusTable(buildOpenApiDocument(gatewayRoutes({ devMode: true })));
writeFileSync(file, text.slice(0, begin) + table + text.slice(end + STATUS_TABLE_END.length));
