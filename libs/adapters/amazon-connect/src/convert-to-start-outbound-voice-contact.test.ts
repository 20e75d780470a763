import { exampleCallback, exampleQueueConfig } from '@icc/protocol';
import { AmazonConnectAdapterConfig } from './amazon-connect-config';
import { convertToStartOutboundVoiceContact } from './convert-to-start-outbound-voice-contact';

const settings = AmazonConnectAdapterConfig.parse({ region: 'us-east-1', instanceId: 'i-1', contactFlowId: 'flow-callback', maxAttempts: 2, minSecondsBetweenAttempts: 120 });

describe('convertToStartOutboundVoiceContact', () => {
  const callback = exampleCallback();

  it('queues an agent-first callback with preview, the ICC ids and the callback parameters as attributes', () => {
    const input = convertToStartOutboundVoiceContact(
      { callback, queue: exampleQueueConfig(), connectQueueId: 'queue-support', initialDelaySeconds: 600, generation: 0 },
      settings,
    );
    expect(input).toMatchObject({
      InstanceId: 'i-1',
      ContactFlowId: 'flow-callback',
      QueueId: 'queue-support',
      DestinationPhoneNumber: callback.customer.phoneNumbers[0],
      ClientToken: callback.id,
      Name: `Callback ${callback.number}`,
      RingTimeoutInSeconds: 60,
      OutboundStrategy: { Type: 'AGENT_FIRST', Config: { AgentFirst: { Preview: { AllowedUserActions: ['CALL', 'DISCARD'] } } } },
    });
    expect(input.Attributes).toMatchObject({
      iccCallbackId: callback.id,
      iccInteractionId: callback.interactionId,
      iccCallbackNumber: callback.number,
      callbackInitialDelaySeconds: '600',
      callbackMaxAttempts: '2',
      callbackMinSecondsBetweenAttempts: '120',
    });
    // A manual-dial queue previews "forever": Connect requires some countdown.
    expect(input.OutboundStrategy?.Config?.AgentFirst?.Preview?.PostAcceptTimeoutConfig?.DurationInSeconds).toBe(86_400);
  });

  it("uses the auto-dial countdown as the preview countdown, and a new ClientToken for a reschedule's contact", () => {
    const input = convertToStartOutboundVoiceContact(
      {
        callback,
        queue: exampleQueueConfig({ dialMethod: { type: 'auto', countdownSeconds: 10 } }),
        connectQueueId: 'queue-support',
        initialDelaySeconds: 0,
        generation: 2,
        relatedContactId: 'contact-1',
      },
      settings,
    );
    expect(input.OutboundStrategy?.Config?.AgentFirst?.Preview?.PostAcceptTimeoutConfig?.DurationInSeconds).toBe(10);
    expect(input).toMatchObject({ ClientToken: `${callback.id}#2`, RelatedContactId: 'contact-1' });
  });
});
