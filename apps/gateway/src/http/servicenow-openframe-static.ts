import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { Router } from 'express';

/** Where the ServiceNow OpenFrame app and its host-page harness are served (docs/servicenow.md). */
export const OPENFRAME_PATH = '/servicenow';

/** Serves the built OpenFrame app at `/servicenow/` and the harness at `/servicenow/harness/`; nothing when it is not built. */
export function serviceNowOpenFrameStatic(directory: string): Router | undefined {
  const root = resolve(directory);
  if (!existsSync(join(root, 'index.html'))) return undefined;
  const router = Router();
  router.use(
    OPENFRAME_PATH,
    express.static(root, {
      index: 'index.html',
      maxAge: '1h',
      setHeaders: (res, path) => {
        if (path.endsWith('.html') || path.endsWith('openFrameAPI.min.js')) res.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  return router;
}
