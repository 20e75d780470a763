import type { z } from 'zod';
import { Agent } from './agent';
import { AgentCommand, InteractionCommandRequest } from './agent-command';
import { Callback } from './callback';
import {
  CancelCallbackRequest,
  CreateCallbackRequest,
  RescheduleCallbackRequest,
  UpdateCallbackRequest,
} from './callback-request';
import { ContextCard } from './context-card';
import { ErrorBody } from './error-body';
import { IccEvent } from './events/icc-event';
import { CallbackPage, DevTokenRequest, InteractionList, SignInConfig, TokenResponse } from './http-api';
import { Interaction } from './interaction';
import { SetPresenceRequest } from './presence';
import { QueueConfig } from './queue-config';
import { CreateQueueRequest, QueueConfigRevision, ReplaceQueueRequest, UpdateQueueRequest } from './queue-config-requests';
import { QueuePosition, QueueStats } from './queue-stats';
import { AdapterCapabilities } from './adapter-capabilities';
import { ClientFrame, ServerFrame } from './ws-frame';
import { CreateWebhookSubscriptionRequest, OutboundEvent } from './webhook-subscription';

/** Every message that crosses a process boundary; each gets a JSON Schema file in `schema/`. */
export const MESSAGE_SCHEMAS: Record<string, z.ZodType> = {
  CreateCallbackRequest,
  UpdateCallbackRequest,
  CancelCallbackRequest,
  RescheduleCallbackRequest,
  Callback,
  CallbackPage,
  QueuePosition,
  Interaction,
  InteractionList,
  ContextCard,
  Agent,
  SetPresenceRequest,
  QueueConfig,
  CreateQueueRequest,
  ReplaceQueueRequest,
  UpdateQueueRequest,
  QueueConfigRevision,
  QueueStats,
  AdapterCapabilities,
  IccEvent,
  AgentCommand,
  InteractionCommandRequest,
  ClientFrame,
  ServerFrame,
  ErrorBody,
  DevTokenRequest,
  TokenResponse,
  SignInConfig,
  CreateWebhookSubscriptionRequest,
  OutboundEvent,
};
