import { exampleAgentCommand, exampleCommandFrame, exampleWelcomeFrame } from './example-commands';
import { exampleInteractionEvent } from './example-events';
import {
  exampleAgent,
  exampleCallback,
  exampleCapabilities,
  exampleContextCard,
  exampleCreateCallbackRequest,
  exampleErrorBody,
  exampleInteraction,
  exampleQueueConfig,
  exampleQueuePosition,
  exampleQueueStats,
} from './examples';
import { MESSAGE_SCHEMAS } from './message-schemas';

interface MessageCase {
  valid: unknown;
  /** A malformed variant and the path zod must report for it. */
  invalid: [unknown, PropertyKey[]];
}

const { interactionId: _id, ...dialBody } = exampleAgentCommand('dial');
const { id: _queueId, ...queueSettings } = exampleQueueConfig();

const MESSAGE_CASES: Record<string, MessageCase> = {
  CreateCallbackRequest: { valid: exampleCreateCallbackRequest(), invalid: [{ ...exampleCreateCallbackRequest(), queueId: undefined }, ['queueId']] },
  UpdateCallbackRequest: { valid: { notes: 'Call after 4 pm' }, invalid: [{ caseRef: 'x'.repeat(65) }, ['caseRef']] },
  CancelCallbackRequest: { valid: { reason: 'Solved by e-mail' }, invalid: [{ reason: 42 }, ['reason']] },
  RescheduleCallbackRequest: { valid: { start: '2026-03-11T16:00:00+01:00' }, invalid: [{ start: 'tomorrow' }, ['start']] },
  Callback: { valid: exampleCallback(), invalid: [exampleCallback({ number: 'CAL0010012' }), ['number']] },
  CallbackPage: { valid: { items: [exampleCallback()], nextCursor: 'c2' }, invalid: [{ items: [exampleCallback({ state: 'open' as never })], nextCursor: null }, ['items', 0, 'state']] },
  QueuePosition: { valid: exampleQueuePosition(), invalid: [exampleQueuePosition({ position: 0 }), ['position']] },
  Interaction: { valid: exampleInteraction(), invalid: [exampleInteraction({ state: 'ringing' as never }), ['state']] },
  InteractionList: { valid: { items: [exampleInteraction()] }, invalid: [{ items: [exampleInteraction({ seq: -1 })] }, ['items', 0, 'seq']] },
  ContextCard: { valid: exampleContextCard(), invalid: [exampleContextCard({ phoneNumbers: [] }), ['phoneNumbers']] },
  Agent: { valid: exampleAgent(), invalid: [exampleAgent({ presence: 'lunch' as never }), ['presence']] },
  SetPresenceRequest: { valid: { presence: 'away' }, invalid: [{ presence: 'busy' }, ['presence']] },
  QueueConfig: { valid: exampleQueueConfig(), invalid: [exampleQueueConfig({ pacing: 0 }), ['pacing']] },
  CreateQueueRequest: { valid: exampleQueueConfig(), invalid: [exampleQueueConfig({ version: 3 }), []] },
  ReplaceQueueRequest: { valid: queueSettings, invalid: [{ ...queueSettings, offerTimeoutSeconds: 1 }, ['offerTimeoutSeconds']] },
  UpdateQueueRequest: { valid: { closingReasons: null, name: 'Support EMEA' }, invalid: [{ retryPolicy: { maxAttempts: 0, minIntervalSeconds: 60 } }, ['retryPolicy', 'maxAttempts']] },
  QueueConfigRevision: {
    valid: { queueId: 'q-support', version: 2, changedAt: '2026-03-10T14:00:00Z', changedBy: 'supervisor-sam', removed: false, config: exampleQueueConfig({ version: 2 }) },
    invalid: [{ queueId: 'q-support', version: 0, changedAt: '2026-03-10T14:00:00Z', changedBy: 'supervisor-sam', removed: false, config: exampleQueueConfig() }, ['version']],
  },
  QueueStats: { valid: exampleQueueStats(), invalid: [exampleQueueStats({ answerRate: 1.2 }), ['answerRate']] },
  AdapterCapabilities: { valid: exampleCapabilities(), invalid: [exampleCapabilities({ modes: [] }), ['modes']] },
  IccEvent: { valid: exampleInteractionEvent('interaction.accepted'), invalid: [exampleInteractionEvent('interaction.accepted', { agentId: '' }), ['agentId']] },
  AgentCommand: { valid: exampleAgentCommand('hold'), invalid: [{ type: 'hold' }, ['interactionId']] },
  InteractionCommandRequest: { valid: dialBody, invalid: [{ type: 'dial', phoneNumber: '+1 415 555 2671' }, ['phoneNumber']] },
  ClientFrame: { valid: exampleCommandFrame(), invalid: [{ type: 'command', id: '', command: exampleAgentCommand('accept') }, ['id']] },
  ServerFrame: { valid: exampleWelcomeFrame(), invalid: [{ type: 'queue.stats', stats: [exampleQueueStats({ depth: -1 })] }, ['stats', 0, 'depth']] },
  ErrorBody: { valid: exampleErrorBody(), invalid: [{ code: 'teapot', message: 'short and stout' }, ['code']] },
  DevTokenRequest: { valid: { agentId: 'agent-ada' }, invalid: [{ agentId: 'agent ada' }, ['agentId']] },
  TokenResponse: {
    valid: { token: 'jwt', agent: exampleAgent(), expiresAt: '2026-03-10T22:00:00Z' },
    invalid: [{ token: 'jwt', agent: exampleAgent({ role: 'admin' as never }), expiresAt: '2026-03-10T22:00:00Z' }, ['agent', 'role']],
  },
  SignInConfig: {
    valid: { devSignIn: false, oidc: { issuer: 'https://login.example.com/oauth2/default', clientId: '0oa1workspace', scopes: 'openid profile' } },
    invalid: [{ devSignIn: false, oidc: { issuer: 'https://login.example.com/oauth2/default', scopes: 'openid' } }, ['oidc', 'clientId']],
  },
  CreateWebhookSubscriptionRequest: {
    valid: { url: 'https://crm.example.com/icc-events', eventTypes: ['callback.created', 'callback.closed'] },
    invalid: [{ url: 'https://crm.example.com/icc-events', eventTypes: ['callback.created', 'callback.exploded'] }, ['eventTypes', 1]],
  },
  OutboundEvent: {
    valid: { id: 'whs_a.42', type: 'callback.closed', seq: 42, at: '2026-03-10T09:12:03.120Z', callbackId: 'cb-1', interactionId: 'ix-1', outcome: 'completed' },
    invalid: [{ id: 'whs_a.42', type: 'callback.closed', seq: 0, at: '2026-03-10T09:12:03.120Z' }, ['seq']],
  },
};

describe('MESSAGE_SCHEMAS', () => {
  it('has a test case for every message, and no case for a message that does not exist', () => {
    expect(Object.keys(MESSAGE_CASES).sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  describe.each(Object.entries(MESSAGE_SCHEMAS))('%s', (name, schema) => {
    const messageCase = MESSAGE_CASES[name];

    it('accepts a valid example', () => {
      expect(schema.safeParse(messageCase?.valid).error?.issues ?? []).toEqual([]);
    });

    it('rejects a malformed one at the expected path', () => {
      const [invalid, path] = messageCase?.invalid ?? [undefined, ['missing case']];
      expect(schema.safeParse(invalid).error?.issues.map((issue) => issue.path)).toEqual([path]);
    });

    it('rejects null and arrays', () => {
      expect(schema.safeParse(null).success).toBe(false);
      expect(schema.safeParse([messageCase?.valid]).success).toBe(false);
    });
  });
});

describe('strict request bodies', () => {
  const STRICT = [
    'CreateCallbackRequest',
    'UpdateCallbackRequest',
    'CancelCallbackRequest',
    'RescheduleCallbackRequest',
    'SetPresenceRequest',
    'DevTokenRequest',
    'AgentCommand',
    'InteractionCommandRequest',
    'ClientFrame',
    'CreateQueueRequest',
    'ReplaceQueueRequest',
    'UpdateQueueRequest',
  ];

  it.each(STRICT)('%s rejects an unknown key at the top level, naming it', (name) => {
    const valid = MESSAGE_CASES[name]?.valid as Record<string, unknown>;
    const result = MESSAGE_SCHEMAS[name]?.safeParse({ ...valid, isAdmin: true });
    expect(result?.error?.issues).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['isAdmin'], path: [] })]);
  });
});
