import { exampleInteraction, type Interaction } from '@icc/protocol';
import { mapControlActionToCommand } from './map-control-action-to-command';

const ATTEMPT = { attempt: 1, phoneNumber: '+14155550198', startedAt: '2026-03-10T14:07:02Z', outcome: 'no-answer' as const };
const previewing = exampleInteraction({ state: 'previewing', agentId: 'agent-ada' });
const noAnswer = exampleInteraction({ state: 'no-answer', agentId: 'agent-ada', attempts: [ATTEMPT] });
const connected = exampleInteraction({ state: 'connected', agentId: 'agent-ada', attempts: [{ ...ATTEMPT, outcome: 'answered' }] });
const onHoldMuted: Interaction = { ...connected, state: 'on-hold', call: { ...connected.call, muted: true, escalated: true } };

const map = (name: string, interaction: Interaction, payload?: unknown) => mapControlActionToCommand({ name, payload }, interaction);

describe('mapControlActionToCommand', () => {
  it.each([
    ['closeCallback', previewing, { type: 'close-callback' }],
    ['cancelCallbackTransfer', exampleInteraction({ state: 'transferring' }), { type: 'cancel-transfer' }],
    ['endCall', connected, { type: 'end-call' }],
    ['startRecording', connected, { type: 'record-start' }],
    ['stopRecording', connected, { type: 'record-stop' }],
    ['mergeCall', connected, { type: 'merge-calls' }],
    ['leaveAndTransfer', connected, { type: 'leave-and-transfer' }],
    ['mute', connected, { type: 'mute' }],
    ['mute', onHoldMuted, { type: 'unmute' }],
    ['hold', connected, { type: 'hold' }],
    ['hold', onHoldMuted, { type: 'resume' }],
    ['flag', connected, { type: 'escalate', escalated: true }],
    ['flag', onHoldMuted, { type: 'escalate', escalated: false }],
  ])('%s on a %s interaction is the ICC command %j', (name, interaction, command) => {
    expect(map(name, interaction)).toEqual({ kind: 'command', command: { interactionId: 'ix-0001', ...command } });
  });

  it('Call number dials the number picked in the drop-down (phoneNumber or targetAddress), else the first one', () => {
    expect(map('initiateCall', previewing, { phoneNumber: '+14155550198' })).toEqual({
      kind: 'command',
      command: { type: 'dial', interactionId: 'ix-0001', phoneNumber: '+14155550198' },
    });
    expect(map('initiateCall', previewing, { targetAddress: '+14155550198' })).toMatchObject({ command: { phoneNumber: '+14155550198' } });
    expect(map('initiateCall', previewing)).toMatchObject({ command: { type: 'dial', phoneNumber: '+14155552671' } });
  });

  it('Retry call after an attempt is redial, with or without a new number', () => {
    expect(map('initiateCall', noAnswer, { phoneNumber: '+14155552671' })).toEqual({
      kind: 'command',
      command: { type: 'redial', interactionId: 'ix-0001', phoneNumber: '+14155552671' },
    });
    expect(map('initiateCall', noAnswer)).toEqual({ kind: 'command', command: { type: 'redial', interactionId: 'ix-0001' } });
  });

  it('refuses a number that is not E.164 before it reaches the gateway', () => {
    expect(map('initiateCall', previewing, { phoneNumber: '0415 555' })).toEqual({ kind: 'invalid', reason: 'initiateCall: 0415 555 is not an E.164 number' });
  });

  it('transfers the callback before dialing, to a queue or an agent', () => {
    expect(map('transfer', previewing, { targetId: 'q-sales', targetType: 'queue' })).toEqual({
      kind: 'command',
      command: { type: 'transfer-callback', interactionId: 'ix-0001', target: { kind: 'queue', queueId: 'q-sales' } },
    });
    expect(map('transfer', previewing, { targetId: 'agent-grace', targetType: 'agent' })).toMatchObject({
      command: { type: 'transfer-callback', target: { kind: 'agent', agentId: 'agent-grace' } },
    });
  });

  it('transfers a live call blind or by consult, and only to agents', () => {
    expect(map('transfer', connected, { targetId: 'agent-grace', targetType: 'agent', transferType: 'blind' })).toMatchObject({
      command: { type: 'transfer-call', agentId: 'agent-grace' },
    });
    expect(map('transfer', connected, { targetId: 'agent-grace', targetType: 'agent', transferType: 'consult' })).toMatchObject({
      command: { type: 'consult-call', agentId: 'agent-grace' },
    });
    expect(map('transfer', connected, { targetId: 'q-sales', targetType: 'queue' })).toMatchObject({ kind: 'unsupported' });
    expect(map('transfer', connected, {})).toMatchObject({ kind: 'invalid', reason: expect.stringContaining('targetId') });
  });

  it('sends keypad digits', () => {
    expect(map('dtmf', connected, { digits: '12#' })).toEqual({ kind: 'command', command: { type: 'send-dtmf', interactionId: 'ix-0001', digits: '12#' } });
  });

  it.each(['pauseRecording', 'resumeRecording', 'wrapUpInitiated', 'help_request', 'somethingElse'])('%s has no ICC command', (name) => {
    expect(map(name, connected)).toMatchObject({ kind: 'unsupported' });
  });
});
