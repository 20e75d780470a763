import express, { type Express } from 'express';
import { authRouter } from '../http/auth-router';
import { agentsRouter } from '../http/agents-router';
import { callbacksRouter } from '../http/callbacks-router';
import { devRouter } from '../http/dev-router';
import { errorMiddleware, notFoundHandler } from '../http/error-middleware';
import { interactionsRouter } from '../http/interactions-router';
import type { InFlightRequests } from '../http/in-flight-requests';
import { jsonBody } from '../http/json-body';
import { operationsRouter } from '../http/operations-router';
import { queuesRouter } from '../http/queues-router';
import { supervisorViewsRouter } from '../http/supervisor-views-router';
import { requestLogging } from '../http/request-logging';
import type { TokenBucketSettings } from '../http/token-bucket';
import { serviceNowOpenFrameStatic } from '../http/servicenow-openframe-static';
import { workspaceStatic } from '../http/workspace-static';
import { webhooksRouter } from '../webhooks/webhooks-router';
import type { GatewayServices } from './gateway-services';

export interface HttpAppSettings {
  intakeRateLimit: TokenBucketSettings;
  inFlight: InFlightRequests;
  workspaceDir?: string;
  /** The built ServiceNow OpenFrame app (apps/servicenow-openframe), served at /servicenow/. */
  openFrameDir?: string;
}

/** The express app: operations, webhooks (raw body), then JSON routes, the workspace, errors. */
export function createHttpApp(services: GatewayServices, settings: HttpAppSettings): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(settings.inFlight.middleware);
  app.use(requestLogging(services.logger, services.metrics));
  app.use(operationsRouter(services));
  app.use(webhooksRouter(services));
  app.use(jsonBody);
  app.use(authRouter(services));
  app.use(callbacksRouter(services, settings.intakeRateLimit));
  app.use(supervisorViewsRouter(services));
  app.use(queuesRouter(services));
  app.use(agentsRouter(services));
  app.use(interactionsRouter(services));
  if (services.devMode) app.use(devRouter(services));
  // Before the workspace, whose SPA fallback would answer /servicenow/ with its own index.
  const openFrame = settings.openFrameDir === undefined ? undefined : serviceNowOpenFrameStatic(settings.openFrameDir);
  if (openFrame) app.use(openFrame);
  const workspace = settings.workspaceDir === undefined ? undefined : workspaceStatic(settings.workspaceDir);
  if (workspace) app.use(workspace);
  app.use(notFoundHandler);
  app.use(errorMiddleware(services.logger));
  return app;
}
