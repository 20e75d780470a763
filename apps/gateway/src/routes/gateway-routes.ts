import { webhookSubscriptionRoutes } from '../events-out/webhook-subscription-routes';
import { webhookRoutes } from '../webhooks/webhook-routes';
import { agentRoutes } from './agent-routes';
import { authRoutes, devSignInRoutes } from './auth-routes';
import { callbackRoutes } from './callback-routes';
import { customerStatusRoutes } from './customer-status-routes';
import { devRoutes } from './dev-routes';
import { interactionRoutes } from './interaction-routes';
import { operationRoutes } from './operation-routes';
import { queueRoutes } from './queue-routes';
import { supervisorViewRoutes } from './supervisor-view-routes';
import type { RouteDefinition } from './route-definition';

/**
 * Every HTTP route of the gateway, in matching order (a literal path such as `/v1/queues/stats` before a
 * parameterised sibling). Express mounts exactly these, and `/v1/openapi.json` describes exactly these.
 */
export function gatewayRoutes(options: { devMode: boolean }): readonly RouteDefinition[] {
  return [
    ...operationRoutes,
    ...webhookRoutes,
    ...(options.devMode ? devSignInRoutes : []),
    ...authRoutes,
    ...callbackRoutes,
    ...customerStatusRoutes,
    ...queueRoutes,
    ...supervisorViewRoutes,
    ...webhookSubscriptionRoutes,
    ...agentRoutes,
    ...interactionRoutes,
    ...(options.devMode ? devRoutes : []),
  ];
}
