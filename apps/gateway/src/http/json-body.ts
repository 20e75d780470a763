import { IccError } from '@icc/core';
import express, { type RequestHandler } from 'express';

export const BODY_LIMIT_BYTES = 64 * 1024;

const parseJson = express.json({ limit: BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'], strict: true });

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** JSON bodies only (415 otherwise), at most 64 KB (413), well-formed (400 malformed_json). */
export const jsonBody: RequestHandler = (req, res, next) => {
  if (!hasBody(req.headers)) return next();
  if (!req.is(['application/json', 'application/*+json'])) {
    throw new IccError('unsupported_media_type', 'Send the request body as Content-Type: application/json');
  }
  parseJson(req, res, next);
};
