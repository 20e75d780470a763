import type { ActiveCall } from '../contract/active-call-context';
import type { SearchTargetListContext } from '../contract/search-target-list-context';
import { controlAction, wrapUpSubmitted } from './documented-payloads';
import { button, el, region } from './dom';

export type Replay = (event: string, payload: unknown) => void;

/** Wrap-up codes a ServiceNow admin might configure: two ICC reasons and one that is not. */
const WRAP_UP_CODES = ['resolved', 'follow-up-required', 'Callback not needed'];

function nameOf(call: ActiveCall): string {
  return call.callbackContext?.customerName ?? call.participants.find((participant) => participant.actor === 'customer')?.name ?? call.externalId;
}

/**
 * The harness's reading of "once the call is complete" (§ participants.requireWrapup): a participant
 * asks for wrap-up and the agent has no control left on the call.
 */
function wantsWrapUp(call: ActiveCall): boolean {
  const { callbackTransferStatus: _status, ...flags } = call.currentParticipant.capabilities ?? {};
  return call.participants.some((participant) => participant.requireWrapup) && !Object.values(flags).some(Boolean);
}

const TAB_LABELS = { agent: 'Show agents', queue: 'Show queues', external: 'Show external' } as const;

/** The Transfer call component: one tab per documented targetTypes entry, then the targets of the tab asked for. */
function transferTargets(call: ActiveCall, targets: SearchTargetListContext | undefined, act: (name: string, payload: Record<string, unknown>) => void) {
  const entry = targets?.searchTargetList.find((candidate) => candidate.externalId === call.externalId);
  if (!entry) return undefined;
  const tabs = (entry.targetTypes ?? []).map((type) => button(TAB_LABELS[type], () => act('getSearchTarget', { searchType: type, searchTerm: '' })));
  const items = entry.targets.flatMap((target) =>
    target.payload.list.flatMap((item) => {
      const subtypes = target.transferSubtypes?.map((subtype) => subtype.id) ?? [undefined];
      return subtypes.map((transferType) =>
        el(
          'li',
          {},
          button(`${transferType === 'consult' ? 'Consult' : 'Transfer to'} ${item.name}`, () =>
            act('transfer', { externalId: call.externalId, targetId: item.id, targetType: target.type, ...(transferType ? { transferType } : {}) }),
          ),
        ),
      );
    }),
  );
  return el('div', {}, ...tabs, el('ul', { 'aria-label': 'Transfer targets' }, ...items));
}

/** One activeCall entry as the Callback actions / Active call components would offer it. */
export function renderActiveCall(call: ActiveCall, targets: SearchTargetListContext | undefined, replay: Replay): HTMLElement {
  const capabilities = call.currentParticipant.capabilities ?? {};
  const context = call.callbackContext;
  const act = (name: string, payload: Record<string, unknown> = {}) => replay('interaction_control_action', controlAction(name, { externalId: call.externalId, ...payload }));
  const children: (Node | string)[] = [
    el('p', {}, `Type: ${call.type ?? 'call'} · `, el('span', { 'data-testid': 'call-state' }, call.currentParticipant.state ?? '')),
  ];
  if (context?.dialInEndTime) children.push(el('p', {}, `Auto-dial at ${context.dialInEndTime}`));
  if (context?.closeInEndTime) children.push(el('p', {}, `Auto-close at ${context.closeInEndTime}`));
  const numberPicker = el('select', { 'aria-label': 'Callback number' }, ...(context?.callbackNumbers ?? []).map((number) => el('option', { value: number }, number)));
  if (context) children.push(el('label', {}, 'Callback number ', numberPicker));
  if (capabilities.callbackTransferStatus === 'Failed') children.push(el('p', { role: 'alert' }, 'Callback transfer failed'));
  const buttons: HTMLButtonElement[] = [];
  if (capabilities.initiateCall) {
    buttons.push(button(context?.callAttemptedByAgent ? 'Retry call' : 'Call number', () => act('initiateCall', { phoneNumber: numberPicker.value })));
  }
  if (capabilities.closeCallback) buttons.push(button('Close callback', () => act('closeCallback')));
  if (capabilities.transfer) {
    buttons.push(
      button(call.type === 'callback' && !context?.callAttemptedByAgent ? 'Transfer callback' : 'Transfer', () =>
        act('getSearchTarget', { searchType: 'agent', searchTerm: '' }),
      ),
    );
  }
  if (capabilities.cancelCallbackTransferEligible) buttons.push(button('Cancel callback transfer', () => act('cancelCallbackTransfer')));
  if (capabilities.hold) buttons.push(button(call.currentParticipant.held ? 'Resume' : 'Hold', () => act('hold')));
  if (capabilities.mute) buttons.push(button(call.currentParticipant.muted ? 'Unmute' : 'Mute', () => act('mute')));
  if (capabilities.startRecording) buttons.push(button('Start recording', () => act('startRecording')));
  if (capabilities.stopRecording) buttons.push(button('Stop recording', () => act('stopRecording')));
  if (capabilities.flag) buttons.push(button(call.currentParticipant.flagged ? 'Unflag' : 'Flag', () => act('flag')));
  if (capabilities.mergeCall) buttons.push(button('Merge calls', () => act('mergeCall')));
  if (capabilities.leaveAndTransfer) buttons.push(button('Leave & transfer', () => act('leaveAndTransfer')));
  if (capabilities.endCall) buttons.push(button('End call', () => act('endCall')));
  children.push(el('div', { role: 'group', 'aria-label': 'Call actions' }, ...buttons));
  if (capabilities.dtmf) {
    const digits = el('input', { 'aria-label': 'Keypad digits' });
    children.push(el('div', {}, digits, button('Send digits', () => act('dtmf', { digits: digits.value }))));
  }
  const list = capabilities.transfer ? transferTargets(call, targets, act) : undefined;
  if (list) children.push(list);
  if (wantsWrapUp(call)) children.push(renderWrapUp(call, replay));
  return region(`Call ${nameOf(call)}`, ...children);
}

function renderWrapUp(call: ActiveCall, replay: Replay): HTMLElement {
  const code = el('select', { 'aria-label': 'Reason' }, ...WRAP_UP_CODES.map((value) => el('option', { value }, value)));
  const notes = el('textarea', { 'aria-label': 'Notes' });
  return el(
    'form',
    { 'aria-label': 'Wrap up' },
    code,
    notes,
    button('Submit & close', () => replay('openframe_wrap_up_submitted', wrapUpSubmitted(call.nowRecordId, call.externalId, code.value, notes.value))),
  );
}
