import { createRecorder, type RecordedCall } from './recorder';
import { createHarnessView } from './render-harness';

const FROM_FRAME = 'icc-openframe-stand-in';
const FROM_HOST = 'icc-openframe-harness';

/** The OpenFrame configuration record's Configuration field, as the harness hands it to init (sample user sys_ids). */
const SAMPLE_SN_CONFIG = {
  configuration: JSON.stringify({
    icc: {
      agents: [
        { sysUserId: 'sn-user-ada-lovelace', iccAgentId: 'agent-ada' },
        { sysUserId: 'sn-user-grace-hopper', iccAgentId: 'agent-grace' },
      ],
    },
  }),
};

const frame = document.getElementById('openframe') as HTMLIFrameElement;
const root = document.getElementById('harness') as HTMLElement;
const recorder = createRecorder();
const replayed: { event: string; payload: unknown }[] = [];
const appBase = new URL('..', window.location.href);

function replay(event: string, payload: unknown): void {
  replayed.push({ event, payload });
  frame.contentWindow?.postMessage({ source: FROM_HOST, kind: 'event', event, payload }, window.location.origin);
}

const render = createHarnessView(root, recorder, replay);

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const data = event.data as { source?: string; method?: string; args?: unknown[] } | null;
  if (data?.source !== FROM_FRAME || typeof data.method !== 'string') return;
  const call: RecordedCall = { method: data.method, args: data.args ?? [] };
  recorder.record(call);
  if (call.method === 'init') {
    frame.contentWindow?.postMessage({ source: FROM_HOST, kind: 'init', id: call.args[1], ok: true, value: SAMPLE_SN_CONFIG }, window.location.origin);
  }
  render();
});

/** For browser tests and curious people: `openFrameHarness` in the console. */
Object.assign(window, { openFrameHarness: { recorder, replayed, replay } });

frame.src = `${appBase.pathname}?instance=${encodeURIComponent(appBase.href)}`;
render();
