import { withoutUndefined } from '@icc/adapter-kit';
import type { VendorQueueSettings } from '@icc/core';
import { DialMethod, QueueConfig, RetryPolicy, type CallReaction, type RoutingMode } from '@icc/protocol';
import type { z } from 'zod';
import type { Models } from 'purecloud-platform-client-v2';

/** What the adapter needs to know of a queue's callback media settings. */
export interface GenesysQueueSettings {
  mode: RoutingMode;
  /** Customer-first: the calls Genesys places before it gives up, and the wait between them. */
  retryPolicy: RetryPolicy;
}

/** The queue's mode and retries as the adapter routes them: Genesys's own settings over the ICC queue's. */
export function mapGenesysQueueSettings(vendor: VendorQueueSettings, queue: QueueConfig): GenesysQueueSettings {
  return { mode: vendor.defaultMode ?? queue.defaultMode, retryPolicy: vendor.retryPolicy ?? queue.retryPolicy };
}

/** `LiveVoiceReactionTypeEnum` / `AnsweringMachineReactionTypeEnum` of CallbackMediaSettings.md. */
const CALL_REACTIONS: Readonly<Record<string, CallReaction>> = { HangUp: 'hang-up', TransferToQueue: 'transfer-to-queue', TransferToFlow: 'transfer-to-flow' };
/** `ModeEnum` of CallbackMediaSettings.md. */
const ROUTING_MODES: Readonly<Record<string, RoutingMode>> = { CustomerFirst: 'customer-first', AgentFirst: 'agent-first' };
/** CallbackMediaSettings.md: auto dial and auto end "Defaults to 300 seconds". */
const DEFAULT_AUTO_DELAY_SECONDS = 300;

/** The value when ICC's schema takes it as it is (absent is not "the default"). */
const fitting = <Value>(schema: z.ZodType<Value>, value: unknown): Value | undefined => {
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/**
 * A Genesys queue's `CallbackMediaSettings` as ICC queue configuration: mode, auto dial/end
 * (`enableAutoDialAndEnd`, delays 0–1200 s), alerting timeout, pacing, retries (customer-first)
 * and answer detection. A value outside ICC's bounds, or absent, is left out (the configured one stays).
 */
export function mapCallbackMediaSettingsToQueueConfig(settings: Models.CallbackMediaSettings): VendorQueueSettings {
  const autoDial = settings.enableAutoDialAndEnd;
  const defaultMode = ROUTING_MODES[settings.mode ?? ''];
  const answerDetection = withoutUndefined({ liveVoice: CALL_REACTIONS[settings.liveVoiceReactionType ?? ''], answeringMachine: CALL_REACTIONS[settings.answeringMachineReactionType ?? ''] });
  return withoutUndefined({
    defaultMode,
    dialMethod: autoDial === undefined ? undefined : fitting(DialMethod, autoDial ? { type: 'auto', countdownSeconds: settings.autoDialDelaySeconds ?? DEFAULT_AUTO_DELAY_SECONDS } : { type: 'manual' }),
    autoCloseSeconds: autoDial ? fitting(QueueConfig.shape.autoCloseSeconds, settings.autoEndDelaySeconds ?? DEFAULT_AUTO_DELAY_SECONDS) : undefined,
    offerTimeoutSeconds: fitting(QueueConfig.shape.offerTimeoutSeconds, settings.alertingTimeoutSeconds),
    pacing: fitting(QueueConfig.shape.pacing, settings.pacingModifier),
    // Genesys retries only customer-first callbacks (`maxRetryCount` + 1 calls `retryDelaySeconds` apart).
    retryPolicy: defaultMode === 'customer-first' ? fitting(RetryPolicy, { maxAttempts: (settings.maxRetryCount ?? Number.NaN) + 1, minIntervalSeconds: settings.retryDelaySeconds }) : undefined,
    answerDetection: Object.keys(answerDetection).length > 0 ? answerDetection : undefined,
  });
}
