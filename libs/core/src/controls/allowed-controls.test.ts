import {
  exampleCapabilities,
  InteractionState,
  RoutingMode,
  type AdapterCapabilities,
  type AgentCommandType,
  type DialMethod,
} from '@icc/protocol';
import { allowedControls, type ControlsSubject } from './allowed-controls';

const IDLE_CALL: ControlsSubject['call'] = { muted: false, recording: false, escalated: false, conference: false };
const MANUAL: { dialMethod: DialMethod } = { dialMethod: { type: 'manual' } };
const AUTO: { dialMethod: DialMethod } = { dialMethod: { type: 'auto', countdownSeconds: 30 } };

function controls(
  state: InteractionState,
  mode: RoutingMode = 'agent-first',
  capabilities: AdapterCapabilities = exampleCapabilities(),
  call: Partial<ControlsSubject['call']> = {},
): AgentCommandType[] {
  return [...allowedControls({ state, mode, call: { ...IDLE_CALL, ...call } }, MANUAL, capabilities)].sort();
}

const LIVE_CALL: AgentCommandType[] = ['mute', 'record-start', 'transfer-call', 'consult-call', 'escalate', 'end-call'];

const EXPECTED: Record<RoutingMode, Record<InteractionState, AgentCommandType[]>> = {
  'agent-first': {
    scheduled: [],
    queued: [],
    offered: ['accept', 'reject'],
    previewing: ['dial', 'close-callback', 'transfer-callback', 'reschedule'],
    transferring: ['cancel-transfer'],
    dialing: ['end-call'],
    connected: ['hold', 'send-dtmf', ...LIVE_CALL],
    'on-hold': ['resume', ...LIVE_CALL],
    'no-answer': ['redial', 'reschedule', 'close-callback'],
    'retry-wait': [],
    'wrap-up': ['submit-wrap-up'],
    closed: [],
  },
  'customer-first': {
    scheduled: [],
    queued: [],
    offered: ['accept', 'reject'],
    previewing: [],
    transferring: [],
    dialing: [],
    connected: ['hold', 'send-dtmf', ...LIVE_CALL],
    'on-hold': ['resume', ...LIVE_CALL],
    'no-answer': [],
    'retry-wait': [],
    'wrap-up': ['submit-wrap-up'],
    closed: [],
  },
};

const STATE_BY_MODE = RoutingMode.options.flatMap((mode) => InteractionState.options.map((state) => [mode, state] as const));

describe('allowedControls per state and mode (full capabilities, idle call)', () => {
  it.each(STATE_BY_MODE)('%s / %s', (mode, state) => {
    expect(controls(state, mode)).toEqual([...EXPECTED[mode][state]].sort());
  });

  it.each(STATE_BY_MODE)('%s / %s: manual and automatic dial offer the same commands', (mode, state) => {
    const subject = { state, mode, call: IDLE_CALL };
    expect([...allowedControls(subject, AUTO, exampleCapabilities())].sort()).toEqual(
      [...allowedControls(subject, MANUAL, exampleCapabilities())].sort(),
    );
  });
});

describe('after-call work', () => {
  it('offers more time (extend-wrap-up) only while an automatic close is counting down', () => {
    const subject = { state: 'wrap-up' as const, mode: 'agent-first' as const, call: IDLE_CALL };
    expect([...allowedControls({ ...subject, autoCloseAt: '2026-03-10T14:25:00Z' }, MANUAL, exampleCapabilities())].sort()).toEqual([
      'extend-wrap-up',
      'submit-wrap-up',
    ]);
    expect([...allowedControls(subject, MANUAL, exampleCapabilities())]).toEqual(['submit-wrap-up']);
  });
});

describe('live-call flags', () => {
  it('offers unmute and record-stop while muted and recording', () => {
    expect(controls('connected', 'agent-first', exampleCapabilities(), { muted: true, recording: true })).toEqual(
      ['consult-call', 'end-call', 'escalate', 'hold', 'record-stop', 'send-dtmf', 'transfer-call', 'unmute'],
    );
  });

  it('switches transfer/consult to merge, cancel and leave during a consult', () => {
    const consulting = controls('connected', 'customer-first', exampleCapabilities(), { consultAgentId: 'agent-grace' });
    expect(consulting).toEqual(
      ['cancel-consult', 'end-call', 'escalate', 'hold', 'leave-and-transfer', 'merge-calls', 'mute', 'record-start', 'send-dtmf'],
    );
  });

  it('offers only leave-and-transfer once the consult is merged into a conference', () => {
    const merged = controls('on-hold', 'agent-first', exampleCapabilities(), { consultAgentId: 'agent-grace', conference: true });
    expect(merged).toEqual(['end-call', 'escalate', 'leave-and-transfer', 'mute', 'record-start', 'resume']);
  });
});

describe('vendor capabilities remove the commands that need them', () => {
  type Flag = keyof Omit<AdapterCapabilities, 'modes'>;
  const cases: Array<[Flag, InteractionState, Partial<ControlsSubject['call']>, AgentCommandType[]]> = [
    ['hold', 'connected', {}, ['hold']],
    ['hold', 'on-hold', {}, ['resume']],
    ['mute', 'connected', {}, ['mute']],
    ['mute', 'connected', { muted: true }, ['unmute']],
    ['record', 'connected', {}, ['record-start']],
    ['record', 'on-hold', { recording: true }, ['record-stop']],
    ['dtmf', 'connected', {}, ['send-dtmf']],
    ['redial', 'no-answer', {}, ['redial']],
    ['reschedule', 'previewing', {}, ['reschedule']],
    ['reschedule', 'no-answer', {}, ['reschedule']],
    ['scheduled', 'previewing', {}, ['reschedule']],
    ['scheduled', 'no-answer', {}, ['reschedule']],
    ['transferCallback', 'previewing', {}, ['transfer-callback']],
    ['transferCallback', 'transferring', {}, ['cancel-transfer']],
    ['transferCall', 'connected', {}, ['transfer-call']],
    ['consultTransfer', 'connected', {}, ['consult-call']],
    ['consultTransfer', 'connected', { consultAgentId: 'agent-grace' }, ['merge-calls', 'cancel-consult', 'leave-and-transfer']],
    ['escalate', 'on-hold', {}, ['escalate']],
    ['autoDial', 'previewing', {}, []],
  ];

  it.each(cases)('without %s in %s, removes exactly %j', (flag, state, call, removed) => {
    const all = controls(state, 'agent-first', exampleCapabilities(), call);
    const reduced = controls(state, 'agent-first', exampleCapabilities({ [flag]: false }), call);
    expect(all.filter((command) => !reduced.includes(command)).sort()).toEqual([...removed].sort());
    expect(reduced.every((command) => all.includes(command))).toBe(true);
  });

  it('keeps the commands no capability governs with every capability off', () => {
    const none = exampleCapabilities({
      scheduled: false, autoDial: false, hold: false, mute: false, record: false, dtmf: false, redial: false,
      reschedule: false, transferCallback: false, transferCall: false, consultTransfer: false, escalate: false,
    });
    expect(controls('previewing', 'agent-first', none)).toEqual(['close-callback', 'dial']);
    expect(controls('connected', 'agent-first', none)).toEqual(['end-call']);
    expect(controls('no-answer', 'agent-first', none)).toEqual(['close-callback']);
    expect(controls('offered', 'customer-first', none)).toEqual(['accept', 'reject']);
  });

  it.each(STATE_BY_MODE)('%s / %s: offers nothing when the vendor does not support the mode', (mode, state) => {
    const otherModeOnly = exampleCapabilities({ modes: RoutingMode.options.filter((other) => other !== mode) });
    expect(controls(state, mode, otherModeOnly)).toEqual([]);
    expect(controls(state, mode, exampleCapabilities({ modes: [mode] }))).toEqual([...EXPECTED[mode][state]].sort());
  });
});
