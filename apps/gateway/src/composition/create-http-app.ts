import express, { type Express, type Router } from 'express';
import { errorMiddleware, notFoundHandler } from '../http/error-middleware';
import type { InFlightRequests } from '../http/in-flight-requests';
import { requestLogging } from '../http/request-logging';
import type { TokenBucketSettings } from '../http/token-bucket';
import { serviceNowOpenFrameStatic } from '../http/servicenow-openframe-static';
import { workspaceStatic } from '../http/workspace-static';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/build-openapi-document';
import { gatewayRoutes } from '../routes/gateway-routes';
import { mountRoutes } from '../routes/mount-routes';
import type { GatewayServices } from './gateway-services';

export interface HttpAppSettings {
  intakeRateLimit: TokenBucketSettings;
  inFlight: InFlightRequests;
  workspaceDir?: string;
  /** The built ServiceNow OpenFrame app (apps/servicenow-openframe), served at /servicenow/. */
  openFrameDir?: string;
  /** A cluster's internal hop between gateways (`POST /internal/v1/acd`), outside the public API. */
  internalRouter?: Router;
}

/** The express app: the declared routes (src/routes/gateway-routes.ts), the static apps, errors. */
export function createHttpApp(services: GatewayServices, settings: HttpAppSettings): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(settings.inFlight.middleware);
  app.use(requestLogging(services.logger, services.metrics));
  if (settings.internalRouter) app.use(settings.internalRouter);
  const routes = gatewayRoutes({ devMode: services.devMode });
  let document: OpenApiDocument | undefined;
  const openApiDocument = () => (document ??= buildOpenApiDocument(routes));
  // The document this app serves, for tests that check its answers against it.
  app.locals['openApiDocument'] = openApiDocument;
  app.use(
    mountRoutes(routes, {
      services,
      intakeRateLimit: settings.intakeRateLimit,
      openApiDocument,
    }),
  );
  // Before the workspace, whose SPA fallback would answer /servicenow/ with its own index.
  const openFrame = settings.openFrameDir === undefined ? undefined : serviceNowOpenFrameStatic(settings.openFrameDir);
  if (openFrame) app.use(openFrame);
  const workspace = settings.workspaceDir === undefined ? undefined : workspaceStatic(settings.workspaceDir);
  if (workspace) app.use(workspace);
  app.use(notFoundHandler);
  app.use(errorMiddleware(services.logger));
  return app;
}
