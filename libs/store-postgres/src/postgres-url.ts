import { IccError } from '@icc/core';

/** Where the store connects, for messages: never the password. */
export interface PostgresTarget {
  host: string;
  port: string;
  database: string;
  user: string;
}

/** Checks a `postgres://` URL before any connection; a bad one is a one-line `storage_unavailable`. */
export function parsePostgresUrl(url: string): PostgresTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new IccError('storage_unavailable', 'The PostgreSQL URL is not a URL: expected postgres://user:password@host:5432/database');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new IccError('storage_unavailable', `The PostgreSQL URL must start with postgres:// or postgresql://, not ${parsed.protocol}//`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (parsed.hostname === '' || database === '') {
    throw new IccError('storage_unavailable', 'The PostgreSQL URL needs a host and a database: postgres://user:password@host:5432/database');
  }
  return { host: parsed.hostname, port: parsed.port || '5432', database, user: decodeURIComponent(parsed.username) || 'postgres' };
}
