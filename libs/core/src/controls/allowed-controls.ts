import type {
  AdapterCapabilities,
  AgentCommandType,
  DialMethod,
  Interaction,
  InteractionState,
  RoutingMode,
} from '@icc/protocol';

/** What the controls depend on: the interaction's state, mode and live-call flags. */
export interface ControlsSubject {
  state: InteractionState;
  mode: RoutingMode;
  call: Interaction['call'];
  /** Wrap-up closes itself then; without it there is no after-call-work deadline to extend. */
  autoCloseAt?: string | undefined;
}

export interface ControlsQueue {
  dialMethod: DialMethod;
}

type Capability = keyof Omit<AdapterCapabilities, 'modes'>;

/** Commands that need a vendor capability; anything absent here needs none. */
const REQUIRED_CAPABILITY: Partial<Record<AgentCommandType, Capability>> = {
  hold: 'hold',
  resume: 'hold',
  mute: 'mute',
  unmute: 'mute',
  'record-start': 'record',
  'record-stop': 'record',
  'send-dtmf': 'dtmf',
  redial: 'redial',
  reschedule: 'reschedule',
  'transfer-callback': 'transferCallback',
  'cancel-transfer': 'transferCallback',
  'transfer-call': 'transferCall',
  'consult-call': 'consultTransfer',
  'merge-calls': 'consultTransfer',
  'leave-and-transfer': 'consultTransfer',
  'cancel-consult': 'consultTransfer',
  escalate: 'escalate',
  'extend-wrap-up': 'extendWrapUp',
};

/**
 * Why the vendor cannot do `command`, in the vendor's words (`AdapterCapabilities.reasons`) or a
 * plain default; undefined when the vendor can (the state may still not allow it now).
 */
export function unsupportedReason(command: AgentCommandType, capabilities: AdapterCapabilities): string | undefined {
  const capability = command === 'reschedule' && !capabilities.scheduled ? 'scheduled' : REQUIRED_CAPABILITY[command];
  if (capability === undefined || capabilities[capability]) return undefined;
  return reasonLacking(capability, capabilities);
}

/** Capabilities that are on/off flags, absent meaning off for the optional ones. */
export type CapabilityFlag = { [Name in keyof AdapterCapabilities]-?: NonNullable<AdapterCapabilities[Name]> extends boolean ? Name : never }[keyof AdapterCapabilities];

/**
 * Why the vendor lacks a capability that is not a command of its own (`keptCallbacks`: the "Keep it
 * for me" options): its stated reason, or a generic one; undefined when it has the capability.
 */
export function lackingCapabilityReason<Flag extends CapabilityFlag>(capability: Flag, capabilities: Pick<AdapterCapabilities, Flag | 'reasons'>): string | undefined {
  return capabilities[capability] === true ? undefined : reasonLacking(capability, capabilities);
}

function reasonLacking(capability: string, capabilities: Pick<AdapterCapabilities, 'reasons'>): string {
  return capabilities.reasons?.[capability] ?? `The contact-centre platform in use does not support this (${capability}).`;
}

function liveCallControls(subject: ControlsSubject, onHold: boolean): AgentCommandType[] {
  const controls: AgentCommandType[] = [onHold ? 'resume' : 'hold'];
  controls.push(subject.call.muted ? 'unmute' : 'mute');
  controls.push(subject.call.recording ? 'record-stop' : 'record-start');
  if (!onHold) controls.push('send-dtmf');
  if (subject.call.consultAgentId === undefined) controls.push('transfer-call', 'consult-call');
  else {
    if (!subject.call.conference) controls.push('merge-calls', 'cancel-consult');
    controls.push('leave-and-transfer');
  }
  controls.push('escalate', 'end-call');
  return controls;
}

function controlsByState(subject: ControlsSubject): AgentCommandType[] {
  const agentFirst = subject.mode === 'agent-first';
  switch (subject.state) {
    case 'offered':
      return ['accept', 'reject'];
    // Customer-first never previews nor transfers a callback (the state machine has no way there).
    case 'previewing':
      return agentFirst ? ['dial', 'close-callback', 'transfer-callback', 'reschedule'] : [];
    case 'transferring':
      return agentFirst ? ['cancel-transfer'] : [];
    case 'dialing':
      return agentFirst ? ['end-call'] : [];
    case 'connected':
      return liveCallControls(subject, false);
    case 'on-hold':
      return liveCallControls(subject, true);
    case 'no-answer':
      return agentFirst ? ['redial', 'reschedule', 'close-callback'] : [];
    case 'wrap-up':
      return subject.autoCloseAt === undefined ? ['submit-wrap-up'] : ['submit-wrap-up', 'extend-wrap-up'];
    case 'scheduled':
    case 'queued':
    case 'retry-wait':
    case 'closed':
      return [];
  }
}

/**
 * The commands an agent may send for an interaction: a pure function of its state, mode, the
 * queue's dial method and the vendor's capabilities. The gateway answers anything else with
 * `409 invalid_transition`; the workspace greys out exactly the same set.
 * (Manual and automatic dial allow the same commands: in auto mode the agent may dial early.)
 */
export function allowedControls(
  subject: ControlsSubject,
  _queue: ControlsQueue,
  capabilities: AdapterCapabilities,
): ReadonlySet<AgentCommandType> {
  if (!capabilities.modes.includes(subject.mode)) return new Set();
  return new Set(
    controlsByState(subject).filter((command) => {
      const capability = REQUIRED_CAPABILITY[command];
      if (command === 'reschedule' && !capabilities.scheduled) return false;
      return capability === undefined || capabilities[capability] === true;
    }),
  );
}
