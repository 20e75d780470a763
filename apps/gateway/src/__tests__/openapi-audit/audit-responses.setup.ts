/**
 * Jest setup of the gateway project: every answer a gateway gives during ANY gateway test (in process, or spawned with
 * childAuditSettings()) is checked
 * against the OpenAPI document that gateway serves (openapi-backend + ajv 2020-12). An undeclared status, media type
 * or body fails the test during which it was answered.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChildResponseReader } from './child-responses';
import { recordGatewayResponses } from './record-responses';
import { auditExchange, type RecordedExchange } from './response-auditor';

const pending: RecordedExchange[] = [];
let audited = 0;
recordGatewayResponses((exchange) => pending.push(exchange));
// Gateways the suites spawn (bundled or through tsx) record into this directory (child-responses.ts).
const childDir = mkdtempSync(join(tmpdir(), 'icc-openapi-audit-'));
process.env['ICC_OPENAPI_AUDIT_DIR'] = childDir;
const readChildResponses = createChildResponseReader(childDir);

async function auditPending(): Promise<void> {
  const exchanges = [...pending.splice(0), ...readChildResponses()];
  const failures = (await Promise.all(exchanges.map(auditExchange))).filter((failure) => failure !== undefined);
  audited += exchanges.length;
  if (failures.length > 0) {
    throw new Error(`${failures.length} answer(s) not declared in the served OpenAPI document:\n- ${failures.join('\n- ')}`);
  }
}

afterEach(auditPending);
afterAll(async () => {
  await auditPending();
  // ICC_OPENAPI_AUDIT_LOG=<file>: one line per test file with the number of answers checked.
  const log = process.env['ICC_OPENAPI_AUDIT_LOG'];
  if (log) appendFileSync(log, `${expect.getState().testPath ?? '?'} ${audited}\n`);
  rmSync(childDir, { recursive: true, force: true });
});
