import { exampleQueueConfig, QueueConfig } from '@icc/protocol';
import { mapCallbackMediaSettingsToQueueConfig, mapGenesysQueueSettings } from './genesys-map-queue-settings';

describe('mapGenesysQueueSettings', () => {
  const queue = exampleQueueConfig({ defaultMode: 'agent-first', retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } });

  it('takes mode and retries from the Genesys queue', () => {
    expect(mapGenesysQueueSettings(mapCallbackMediaSettingsToQueueConfig({ mode: 'CustomerFirst', maxRetryCount: 1, retryDelaySeconds: 60 }), queue)).toEqual({
      mode: 'customer-first',
      retryPolicy: { maxAttempts: 2, minIntervalSeconds: 60 },
    });
    expect(mapGenesysQueueSettings(mapCallbackMediaSettingsToQueueConfig({ mode: 'AgentFirst' }), queue).mode).toBe('agent-first');
  });

  it('falls back to the ICC queue for what the org left out', () => {
    expect(mapGenesysQueueSettings({}, queue)).toEqual({ mode: 'agent-first', retryPolicy: { maxAttempts: 3, minIntervalSeconds: 300 } });
  });
});

describe('mapCallbackMediaSettingsToQueueConfig (CallbackMediaSettings → ICC queue configuration)', () => {
  it('maps a customer-first queue field by field', () => {
    const mapped = mapCallbackMediaSettingsToQueueConfig({
      mode: 'CustomerFirst',
      enableAutoDialAndEnd: true,
      autoDialDelaySeconds: 0,
      autoEndDelaySeconds: 1200,
      alertingTimeoutSeconds: 15,
      pacingModifier: 2.5,
      maxRetryCount: 2,
      retryDelaySeconds: 600,
      liveVoiceReactionType: 'TransferToQueue',
      answeringMachineReactionType: 'HangUp',
    });
    expect(mapped).toEqual({
      defaultMode: 'customer-first',
      dialMethod: { type: 'auto', countdownSeconds: 0 },
      autoCloseSeconds: 1200,
      offerTimeoutSeconds: 15,
      pacing: 2.5,
      retryPolicy: { maxAttempts: 3, minIntervalSeconds: 600 },
      answerDetection: { liveVoice: 'transfer-to-queue', answeringMachine: 'hang-up' },
    });
    expect(QueueConfig.safeParse({ ...exampleQueueConfig(), ...mapped }).success).toBe(true);
  });

  it('agent-first without auto dial is manual; retries and unknown reactions are not taken', () => {
    expect(mapCallbackMediaSettingsToQueueConfig({ mode: 'AgentFirst', enableAutoDialAndEnd: false, maxRetryCount: 2, retryDelaySeconds: 60, answeringMachineReactionType: 'OutdatedSdkVersion' })).toEqual({
      defaultMode: 'agent-first',
      dialMethod: { type: 'manual' },
    });
  });

  it("uses the model's documented 300 s default delays and leaves out values outside ICC's bounds", () => {
    expect(mapCallbackMediaSettingsToQueueConfig({ enableAutoDialAndEnd: true, autoDialDelaySeconds: 5000, alertingTimeoutSeconds: 2, pacingModifier: 40 })).toEqual({
      autoCloseSeconds: 300,
    });
    expect(mapCallbackMediaSettingsToQueueConfig({ enableAutoDialAndEnd: true })).toEqual({ dialMethod: { type: 'auto', countdownSeconds: 300 }, autoCloseSeconds: 300 });
    expect(mapCallbackMediaSettingsToQueueConfig({})).toEqual({});
  });
});
