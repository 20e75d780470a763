import { agentPresence, controlAction, workItemAccepted, workItemRejected } from './documented-payloads';
import { button, el, region } from './dom';
import type { Recorder } from './recorder';
import { renderActiveCall, type Replay } from './render-active-call';

interface Section {
  key: string;
  build(): HTMLElement;
}

function presenceSection(replay: Replay): Section {
  return {
    key: 'presence',
    build: () =>
      region(
        'ServiceNow presence (AWA)',
        button('Go available', () => replay('openframe_awa_agent_presence', agentPresence(true))),
        button('Go away', () => replay('openframe_awa_agent_presence', agentPresence(false))),
      ),
  };
}

function inboxSection(recorder: Recorder, replay: Replay): Section {
  const offers = recorder.latest.offerContext?.offerContext ?? [];
  return {
    key: JSON.stringify(offers),
    build: () =>
      region(
        'Inbox (offerContext)',
        ...(offers.length === 0 ? [el('p', {}, 'No offers.')] : []),
        ...offers.map((offer) =>
          el(
            'article',
            { 'aria-label': offer.displayContent?.['displayContent1'] ?? offer.externalId },
            el('p', {}, Object.values(offer.displayContent ?? {}).join(' · ')),
            button('Accept', () => replay('openframe_awa_workitem_accepted', workItemAccepted(offer.nowRecordId))),
            ...(offer.assignment.allowedToDecline
              ? [button('Reject', () => replay('openframe_awa_workitem_rejected', workItemRejected(offer.nowRecordId)))]
              : []),
          ),
        ),
      ),
  };
}

function callsSection(recorder: Recorder, replay: Replay): Section {
  const calls = recorder.latest.activeCall?.activeCall ?? [];
  const targets = recorder.latest.searchTargetList;
  return {
    key: JSON.stringify([calls, targets]),
    build: () => el('div', {}, ...calls.map((call) => renderActiveCall(call, targets, replay))),
  };
}

function idleSection(recorder: Recorder, replay: Replay): Section {
  const idle = recorder.latest.idleState;
  const shown = idle !== undefined && recorder.contextOrder.at(-1) === 'idleState';
  return {
    key: JSON.stringify([shown, idle]),
    build: () =>
      !shown || !idle
        ? el('div')
        : region(
            'Idle (idleState)',
            el('p', {}, `${idle.dialpadInfoMessage?.label ?? ''} ${idle.dialpadInfoMessage?.value ?? ''}`.trim()),
            ...(idle.capability?.logOut ? [button('Log out', () => replay('interaction_control_action', controlAction('logout')))] : []),
          ),
  };
}

function recorderSection(recorder: Recorder): Section {
  const toasts = recorder.calls.filter((call) => call.method === 'toastMessage').map((call) => String(call.args[0]));
  return {
    key: JSON.stringify([recorder.calls.length, recorder.violations]),
    build: () =>
      region(
        'Recorder',
        el('p', {}, `${recorder.calls.length} openFrameAPI calls, ${recorder.violations.length} schema violations`),
        ...(recorder.violations.length > 0 ? [el('ul', { role: 'alert' }, ...recorder.violations.map((line) => el('li', {}, line)))] : []),
        el('ul', { 'aria-label': 'Toasts' }, ...toasts.map((line) => el('li', {}, line))),
        el('pre', {}, JSON.stringify(recorder.latest, null, 2)),
      ),
  };
}

/** Renders what ServiceNow's ICC would show from the recorded contexts; rebuilds only sections that changed. */
export function createHarnessView(root: HTMLElement, recorder: Recorder, replay: Replay): () => void {
  const mounted: { key: string; node: HTMLElement }[] = [];
  return function render() {
    const sections = [presenceSection(replay), inboxSection(recorder, replay), callsSection(recorder, replay), idleSection(recorder, replay), recorderSection(recorder)];
    sections.forEach((section, index) => {
      const current = mounted[index];
      if (current?.key === section.key) return;
      const node = section.build();
      if (current) current.node.replaceWith(node);
      else root.append(node);
      mounted[index] = { key: section.key, node };
    });
  };
}
