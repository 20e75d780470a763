import { IccError } from '@icc/core';

export const MINIMUM_SERVER_VERSION_NUM = 150000;

/** `server_version_num` (e.g. "150018") as a number; refuses a server older than PostgreSQL 15 in one line. */
export function assertSupportedServerVersion(serverVersionNum: string): number {
  const version = Number.parseInt(serverVersionNum, 10);
  if (!Number.isInteger(version) || version <= 0) {
    throw new IccError('storage_unavailable', `The server reported server_version_num "${serverVersionNum}": not PostgreSQL?`);
  }
  if (version < MINIMUM_SERVER_VERSION_NUM) {
    const major = version >= 100000 ? Math.floor(version / 10000) : `${Math.floor(version / 10000)}.${Math.floor(version / 100) % 100}`;
    throw new IccError('storage_unavailable', `PostgreSQL ${major} is too old: the event store needs PostgreSQL 15 or newer`);
  }
  return version;
}
