import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';

/** Paths of the API (the OpenAPI document); everything else is the static workspace. */
export const API_PREFIXES = ['/v1', '/healthz', '/readyz', '/metrics'];

/** The customer status page's path (`apps/workspace/src/app/customer-status/customer-status-link.ts`). */
const CUSTOMER_STATUS_PAGE = /^\/status\/[^/]+$/;

/** Serves the built workspace at `/`, with the SPA fallback for non-API GETs; nothing when it is not built. */
export function workspaceStatic(directory: string): Router | undefined {
  const root = resolve(directory);
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return undefined;
  const router = Router();
  router.use(express.static(root, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForIndex }));
  router.get(/.*/, (req, res, next) => {
    if (API_PREFIXES.some((prefix) => req.path === prefix || req.path.startsWith(prefix + '/'))) return next();
    if (!req.accepts('html')) return next();
    if (CUSTOMER_STATUS_PAGE.test(req.path)) {
      // The customer's status page holds its token in the URL: no cache keeps it, and no request the page makes
      // (its scripts, its API calls) sends that URL on as a referrer.
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Referrer-Policy', 'no-referrer');
    } else res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

function noCacheForIndex(res: express.Response, path: string): void {
  if (path.endsWith('index.html')) res.setHeader('Cache-Control', 'no-cache');
}
