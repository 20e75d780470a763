import { IccError } from '@icc/core';
import type { Request } from 'express';

const VERSION_TAG = /^(?:W\/)?"?([1-9]\d{0,9})"?$/;

/** The version a resource is at, as its ETag header (`"3"`). */
export function versionTag(version: number | undefined): Record<string, string> {
  return version === undefined ? {} : { ETag: `"${version}"` };
}

/**
 * The version a write is based on, from `If-Match` (the ETag a read returned): missing is 428
 * `precondition_required`, unreadable 400 `validation_failed`. A stale one is refused by the store (412).
 */
export function ifMatchVersion(req: Request): number {
  const header = req.header('if-match');
  if (header === undefined) {
    throw new IccError('precondition_required', 'Send If-Match with the ETag of the version you changed (GET it first), so a concurrent change is not overwritten');
  }
  const match = VERSION_TAG.exec(header.trim());
  if (!match?.[1]) {
    throw new IccError('validation_failed', 'If-Match must be one version ETag such as "3"', [{ path: ['headers', 'if-match'], message: 'Expected an ETag such as "3"', code: 'invalid_format' }]);
  }
  return Number(match[1]);
}
