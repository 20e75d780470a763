import { z } from 'zod';
import { AdapterCapabilities } from './adapter-capabilities';
import { Agent } from './agent';
import { AgentCommand } from './agent-command';
import { ErrorBody } from './error-body';
import { IccEvent } from './events/icc-event';
import { Interaction } from './interaction';
import { QueueConfig } from './queue-config';
import { QueueStats } from './queue-stats';

/** Close codes of `/v1/agent-stream`; 4000-4099 may be resumed with `resumeFrom`. */
export const WS_CLOSE_CODES = {
  slowConsumer: 4000,
  serverRestart: 4001,
  /** The token the stream was opened (or last re-authenticated) with expired: resume with a new token. */
  tokenExpired: 4002,
  unauthorized: 4401,
  forbidden: 4403,
  protocolError: 4400,
  rateLimited: 4429,
} as const;

export const HelloFrame = z
  .strictObject({
    type: z.literal('hello'),
    token: z.string().min(1).max(4096),
    protocolVersion: z.string().regex(/^\d+\.\d+\.\d+$/),
    /** Last `seq` the client has seen; the server replays everything after it. */
    resumeFrom: z.number().int().min(0).optional(),
  })
  .meta({ id: 'HelloFrame' });

export const CommandFrame = z
  .strictObject({ type: z.literal('command'), id: z.string().min(1).max(64), command: AgentCommand })
  .meta({ id: 'CommandFrame' });

/** A fresh token for the same agent, before the current one expires: the stream goes on under it. */
export const ReauthFrame = z
  .strictObject({ type: z.literal('reauth'), token: z.string().min(1).max(4096) })
  .meta({ id: 'ReauthFrame' });

export const PingFrame = z.strictObject({ type: z.literal('ping'), at: z.number().optional() }).meta({ id: 'PingFrame' });
export const PongFrame = z.strictObject({ type: z.literal('pong'), at: z.number().optional() }).meta({ id: 'PongFrame' });

export const ClientFrame = z
  .discriminatedUnion('type', [HelloFrame, CommandFrame, ReauthFrame, PingFrame, PongFrame])
  .meta({ id: 'ClientFrame' });
export type ClientFrame = z.infer<typeof ClientFrame>;

export const WelcomeFrame = z
  .object({
    type: z.literal('welcome'),
    protocolVersion: z.string(),
    agent: Agent,
    /** Highest `seq` in the log when the stream started. */
    headSeq: z.number().int().min(0),
    resumed: z.boolean(),
    vendor: z.string(),
    capabilities: AdapterCapabilities,
    heartbeatSeconds: z.number().int().min(1),
    /** Seconds until the hello's token expires; the stream then closes with `tokenExpired` unless a `reauth` came first. */
    tokenExpiresInSeconds: z.number().int().min(0).optional(),
  })
  .meta({ id: 'WelcomeFrame' });

/** Answer to an accepted `reauth`: the stream now lives until the new token expires. */
export const ReauthenticatedFrame = z
  .object({ type: z.literal('reauthenticated'), tokenExpiresInSeconds: z.number().int().min(0) })
  .meta({ id: 'ReauthenticatedFrame' });

/** Current state the agent may see: sent after `welcome` unless the stream was resumed. */
export const SnapshotFrame = z
  .object({
    type: z.literal('snapshot'),
    seq: z.number().int().min(0),
    interactions: z.array(Interaction),
    queues: z.array(QueueConfig),
    agents: z.array(Agent),
    queueStats: z.array(QueueStats),
  })
  .meta({ id: 'SnapshotFrame' });

/** One event, with the interaction view after it (absent for agent events). */
export const EventFrame = z
  .object({ type: z.literal('event'), event: IccEvent, interaction: Interaction.optional(), agent: Agent.optional() })
  .meta({ id: 'EventFrame' });

export const CommandResultFrame = z
  .discriminatedUnion('ok', [
    z.object({ type: z.literal('command.result'), id: z.string(), ok: z.literal(true), interaction: Interaction }),
    z.object({ type: z.literal('command.result'), id: z.string(), ok: z.literal(false), error: ErrorBody }),
  ])
  .meta({ id: 'CommandResultFrame' });

export const QueueStatsFrame = z
  .object({ type: z.literal('queue.stats'), stats: z.array(QueueStats) })
  .meta({ id: 'QueueStatsFrame' });

export const ErrorFrame = z.object({ type: z.literal('error'), error: ErrorBody }).meta({ id: 'ErrorFrame' });

export const ServerFrame = z
  .union([WelcomeFrame, SnapshotFrame, EventFrame, CommandResultFrame, QueueStatsFrame, ErrorFrame, ReauthenticatedFrame, PingFrame, PongFrame])
  .meta({ id: 'ServerFrame' });
export type ServerFrame = z.infer<typeof ServerFrame>;
export type WelcomeFrame = z.infer<typeof WelcomeFrame>;
export type SnapshotFrame = z.infer<typeof SnapshotFrame>;
export type EventFrame = z.infer<typeof EventFrame>;
export type CommandResultFrame = z.infer<typeof CommandResultFrame>;
export type HelloFrame = z.infer<typeof HelloFrame>;
export type CommandFrame = z.infer<typeof CommandFrame>;
export type ReauthFrame = z.infer<typeof ReauthFrame>;
export type ReauthenticatedFrame = z.infer<typeof ReauthenticatedFrame>;
