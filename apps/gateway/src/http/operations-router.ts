import { Router } from 'express';
import type { GatewayServices } from '../composition/gateway-services';
import { buildOpenApiDocument } from '../openapi/build-openapi-document';

export function operationsRouter(services: GatewayServices): Router {
  const router = Router();
  let openApiDocument: unknown;

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', (_req, res) => {
    const ready = services.lifecycle.isReady() && !services.lifecycle.isShuttingDown();
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : services.lifecycle.isShuttingDown() ? 'shutting-down' : 'starting' });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', services.metrics.registry.contentType);
    res.send(await services.metrics.registry.metrics());
  });
  router.get('/v1/openapi.json', (_req, res) => {
    openApiDocument ??= buildOpenApiDocument();
    res.json(openApiDocument);
  });
  return router;
}
