import { z } from 'zod';

/**
 * Settings of the Amazon Connect adapter. Connect ids (instance, flow, queues, users, agent
 * statuses) are the ids shown in the Connect console and API, not ARNs.
 */
export const AmazonConnectAdapterConfig = z.object({
  region: z.string().min(1),
  /** Connect API endpoint; absent = the SDK's regional endpoint (`https://connect.<region>.amazonaws.com`). */
  endpoint: z.url().optional(),
  /**
   * Base URL of the agent-side contact actions (accept, reject, hold, …). Connect offers them only
   * in the browser (Amazon Connect Streams); the simulator serves them over HTTP. Absent = agent
   * commands are refused with `capability_unsupported`.
   */
  streamsEndpoint: z.url().optional(),
  instanceId: z.string().min(1),
  /** The callback-task flow StartTaskContact runs (Set working queue from `iccConnectQueueId`, Transfer to queue; README). */
  contactFlowId: z.string().min(1),
  /** ICC queue id → Connect queue id; a queue not listed keeps its ICC id. */
  queueMap: z.record(z.string(), z.string().min(1)).default({}),
  /** ICC agent id → Connect user id; an agent not listed keeps its ICC id. */
  userMap: z.record(z.string(), z.string().min(1)).default({}),
  /** The Connect agent status (AgentStatusId) for each presence an agent can choose. */
  agentStatuses: z
    .object({ available: z.string().min(1), away: z.string().min(1), offline: z.string().min(1) })
    .default({ available: 'agent-status-available', away: 'agent-status-break', offline: 'agent-status-offline' }),
  /** Static credentials (tests, the simulator); absent = the SDK's default provider chain. */
  credentials: z
    .object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().min(1).optional() })
    .optional(),
  /** Shared secret of the signed webhook; when set, `ingest` verifies deliveries itself too. */
  webhookSecret: z.string().min(16).optional(),
  webhookToleranceSeconds: z.number().int().min(0).max(3600).default(300),
  /** Backoff for throttled (429) and failed (5xx) Connect calls. */
  retry: z
    .object({ maxAttempts: z.number().int().min(1).max(10), baseDelayMs: z.number().int().min(1), maxDelayMs: z.number().int().min(1) })
    .default({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 20_000 }),
  /** A dial with no contact event for this long is read back with DescribeContact. */
  reconcileAfterSeconds: z.number().int().min(1).max(3600).default(90),
});
export type AmazonConnectAdapterConfig = z.infer<typeof AmazonConnectAdapterConfig>;
export type AmazonConnectAdapterConfigInput = z.input<typeof AmazonConnectAdapterConfig>;
