import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedExchange } from './response-auditor';

const PRELOAD = join(__dirname, 'record-child-responses.cjs');

/** Node flags and environment that make a spawned gateway record its answers for the audit (nothing outside the audit). */
export function childAuditSettings(): { nodeFlags: string[]; env: Record<string, string> } {
  const dir = process.env['ICC_OPENAPI_AUDIT_DIR'];
  return dir ? { nodeFlags: ['--require', PRELOAD], env: { ICC_OPENAPI_AUDIT_DIR: dir } } : { nodeFlags: [], env: {} };
}

/** Reads what spawned gateways recorded since the last call (a line cut short by SIGKILL is skipped). */
export function createChildResponseReader(dir: string): () => RecordedExchange[] {
  const linesRead = new Map<string, number>();
  const documents = new Map<string, unknown>();
  return () => {
    const exchanges: RecordedExchange[] = [];
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.ndjson'))) {
      const lines = readFileSync(join(dir, name), 'utf8').split('\n');
      const complete = lines.slice(0, -1);
      for (const line of complete.slice(linesRead.get(name) ?? 0)) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        if (typeof entry['document'] === 'number') documents.set(`${name}:${entry['document']}`, entry['servedDocument']);
        else
          exchanges.push({
            method: String(entry['method']),
            url: String(entry['url']),
            status: Number(entry['status']),
            contentType: typeof entry['contentType'] === 'string' ? entry['contentType'] : undefined,
            headers: (entry['headers'] ?? {}) as Record<string, string>,
            body: Buffer.from(String(entry['body']), 'base64'),
            servedDocument: documents.get(`${name}:${String(entry['exchange'])}`),
          });
      }
      linesRead.set(name, complete.length);
    }
    return exchanges;
  };
}
