import publishedRequest from './__fixtures__/create-callback-request.json';
import publishedResponse from './__fixtures__/create-callback-response.json';
import heartbeat from './__fixtures__/notification-heartbeat.json';
import alerting from './__fixtures__/conversation-agent-alerting.json';
import type { Models } from 'purecloud-platform-client-v2';
import { GenesysConversation, GenesysCreateCallbackResponse, GenesysNotification } from './genesys-schemas';

// The fixtures are held to the official SDK models at compile time.
const fixtureModels = {
  request: publishedRequest satisfies Models.CreateCallbackCommand,
  response: publishedResponse satisfies Models.CreateCallbackResponse,
};

describe('Genesys wire schemas', () => {
  it('read the published create-callback example and its answer', () => {
    expect(fixtureModels.request.callbackNumbers).toHaveLength(1);
    expect(GenesysCreateCallbackResponse.parse(fixtureModels.response).conversation.id).toBe('71af6666-6742-43a4-bdf2-b46460471cc6');
  });

  it('read the heartbeat as a notification', () => {
    expect(GenesysNotification.parse(heartbeat)).toMatchObject({ topicName: 'channel.metadata', eventBody: { message: 'WebSocket Heartbeat' } });
  });

  it('keep fields they do not know', () => {
    const withExtra = { ...alerting.eventBody, divisions: [{ id: 'd-1' }], participants: alerting.eventBody.participants.map((p) => ({ ...p, teamId: 't-1' })) };
    const parsed = GenesysConversation.parse(withExtra);
    expect(parsed).toMatchObject({ divisions: [{ id: 'd-1' }] });
    expect(parsed.participants[0]).toMatchObject({ teamId: 't-1' });
  });

  it('refuse a conversation whose participants are not a list', () => {
    expect(GenesysConversation.safeParse({ id: 'c', participants: 'nobody' }).success).toBe(false);
  });
});
