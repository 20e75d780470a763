import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * Amazon Connect's service model as botocore ships it in Debian's `python3-botocore` package
 * (1.29.27+repack-1: `botocore/data/connect/2017-08-08/service-2.json`; other versions gzip it).
 * Read at test time only; `ICC_CONNECT_SERVICE_MODEL` points at another copy.
 */
export interface BotocoreMember {
  shape: string;
}
export interface BotocoreShape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'double' | 'float' | 'boolean' | 'timestamp' | 'blob';
  required?: string[];
  members?: Record<string, BotocoreMember & { documentation?: string }>;
  member?: BotocoreMember;
  key?: BotocoreMember;
  value?: BotocoreMember;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  exception?: boolean;
  error?: { httpStatusCode: number };
}
export interface BotocoreServiceModel {
  metadata: { apiVersion: string; serviceId: string };
  operations: Record<string, { input?: BotocoreMember; errors?: BotocoreMember[] }>;
  shapes: Record<string, BotocoreShape>;
}

const DEBIAN_PATH = '/usr/lib/python3/dist-packages/botocore/data/connect/2017-08-08/service-2.json';
const MISSING = "Amazon Connect's service model is read from Debian's python3-botocore: apt-get install python3-botocore";

export function loadConnectServiceModel(path = process.env['ICC_CONNECT_SERVICE_MODEL'] ?? DEBIAN_PATH): BotocoreServiceModel {
  const candidates = path.endsWith('.gz') ? [path] : [path, `${path}.gz`];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error(`${MISSING} (no ${candidates.join(' or ')})`);
  const bytes = readFileSync(found);
  return JSON.parse((found.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as BotocoreServiceModel;
}
