// Captures one real request/response per item of issue 21 from the built gateway (the one `npm start` runs),
// with the mock vendor and a fake clock, and writes docs/examples/issue-21-requests.md.
//   npx nx run gateway:build && node docs/examples/capture-issue-21-requests.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const START = '2026-12-07T09:00:00.000Z'; // a Monday
const dataDir = mkdtempSync(join(tmpdir(), 'icc-examples-'));
const gateway = spawn(process.execPath, [join(root, 'dist/apps/gateway/main.js')], {
  cwd: root,
  env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', ICC_DATA_DIR: dataDir, NODE_ENV: 'development', LOG_LEVEL: 'info', ICC_FAKE_CLOCK: START },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const url = await new Promise((resolve, reject) => {
  let pending = '';
  gateway.stdout.on('data', (chunk) => {
    pending += chunk.toString();
    for (const line of pending.split('\n')) {
      try {
        const record = JSON.parse(line);
        if (typeof record.url === 'string') resolve(record.url);
      } catch {
        /* not a JSON line yet */
      }
    }
  });
  gateway.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
});

const SHOWN_HEADERS = ['location', 'icc-status-token', 'cache-control', 'referrer-policy', 'retry-after'];
const sections = [];
let section;
function item(title, why) {
  section = { title, why, exchanges: [] };
  sections.push(section);
}

/** One request; `show` false: done for the set-up only, not written out. */
async function call(method, path, { body, token, headers = {}, show = true } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const json = text === '' ? undefined : JSON.parse(text);
  if (!show && response.status >= 400) throw new Error(`set-up ${method} ${path} answered ${response.status}: ${text}`);
  if (show) {
    const shown = SHOWN_HEADERS.flatMap((name) => (response.headers.has(name) ? [`${name}: ${response.headers.get(name)}`] : []));
    section.exchanges.push({ method, path, headers, token, body, status: response.status, shown, json });
  }
  return { status: response.status, headers: response.headers, json };
}

let sam;
const signIn = async (agentId) => (await call('POST', '/v1/auth/dev-token', { body: { agentId }, show: false })).json.token;
const advance = (milliseconds) => call('POST', '/v1/dev/clock/advance', { body: { milliseconds }, show: false });
const customer = (phone, extra = {}) => ({ firstName: 'Mira', lastName: 'Kovac', phoneNumbers: [phone], timeZone: 'Europe/Zagreb', ...extra });
const request = (queueId, phone, extra = {}) => ({ queueId, customer: customer(phone), reason: { code: 'billing-issue' }, shortDescription: 'Invoice address', ...extra });

try {
  sam = await signIn('supervisor-sam');
  const ada = await signIn('agent-ada');
  await call('POST', '/v1/queues', {
    token: sam,
    show: false,
    body: {
      id: 'q-examples',
      name: 'Examples',
      defaultMode: 'agent-first',
      dialMethod: { type: 'manual' },
      autoCloseSeconds: 300,
      offerTimeoutSeconds: 30,
      pacing: 1,
      retryPolicy: { maxAttempts: 3, minIntervalSeconds: 60 },
      businessHours: { timeZone: 'Europe/Zagreb', weekly: [{ weekday: 1, open: '09:00', close: '17:00' }], closedDates: [] },
      slots: { minutes: 15, capacity: 1, perHourCap: 3 },
    },
  });

  item('1. Time slots with capacity', 'A queue with one seat per 15-minute slot; one slot is booked. Booking it again answers 409 slot_full with the next free slots.');
  await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345001', { schedule: { type: 'scheduled', start: '2026-12-07T09:00:00.000Z' } }), show: false });
  await call('GET', '/v1/queues/q-examples/slots?from=2026-12-07T08:30:00Z&to=2026-12-07T09:30:00Z', { token: sam });
  await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345002', { schedule: { type: 'scheduled', start: '2026-12-07T09:05:00.000Z' } }) });

  item('2. Duplicate suppression per caller', 'The example queue keeps the default (one open callback per number, reject). The same number written another way, while the first callback is open: 409 duplicate_callback with the existing callback.');
  await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345009'), show: false });
  await call('POST', '/v1/callbacks', { body: request('q-examples', '+385 1 234 5009') });

  item('3. Keeping one\'s place (waitingSince)', 'A callback whose customer started waiting (in the IVR) before the one already queued goes ahead of it.');
  await call('POST', '/v1/callbacks', { body: request('callbacks-af', '+14155550122'), show: false });
  const early = await call('POST', '/v1/callbacks', { body: request('callbacks-af', '+14155550124', { waitingSince: '2026-12-07T08:50:00.000Z' }) });
  await call('GET', `/v1/callbacks/${early.json.id}/position`, { token: sam });

  item('4. Events out (webhook subscriptions)', 'An integrator subscribes an HTTPS endpoint (an IP literal here: the capture ran without DNS; a host name is checked the same way, every address it resolves to must be public); the signing secret is shown only in this answer.');
  await call('POST', '/v1/webhooks/subscriptions', { token: sam, body: { url: 'https://93.184.215.14/icc', eventTypes: ['callback.created', 'callback.closed'], description: 'CRM sync' } });

  item('5. Missed and rejected offers visible', 'Ada becomes available; the longest-waiting callback of item 3, offered to her, times out (the queue\'s offerTimeoutSeconds, 30 s, on the fake clock).');
  await call('PUT', '/v1/agents/agent-ada/presence', { token: ada, body: { presence: 'available' }, show: false });
  await advance(31_000);
  await call('GET', '/v1/offers/missed?agentId=agent-ada', { token: sam });

  item('6. Customer-facing status', 'The token comes once, in the 201 of the creation (ICC-Status-Token); with it the customer reads the status, lists the slots on their clock (another caller holds 09:45Z), moves into the full one (409 slot_full) and then into a free one; a wrong token reads like an unknown callback; another customer cancels theirs. Every answer, errors included, carries Cache-Control: no-store and Referrer-Policy: no-referrer.');
  const mine = await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345003', { schedule: { type: 'scheduled', start: '2026-12-07T10:00:00.000Z' } }) });
  const token = mine.headers.get('icc-status-token');
  const status = `/v1/callbacks/${mine.json.id}/status`;
  await call('GET', `${status}?token=${token}`);
  await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345004', { schedule: { type: 'scheduled', start: '2026-12-07T09:45:00.000Z' } }), show: false });
  await call('GET', `${status}/slots?token=${token}&from=2026-12-07T09:00:00Z&to=2026-12-07T10:00:00Z`);
  await call('POST', `${status}/move?token=${token}`, { body: { start: '2026-12-07T09:45:00.000Z' } });
  await call('POST', `${status}/move?token=${token}`, { body: { start: '2026-12-07T09:30:00.000Z' } });
  await call('GET', `${status}?token=${'x'.repeat(43)}`);
  const other = await call('POST', '/v1/callbacks', { body: request('q-examples', '+38512345005'), show: false });
  await call('POST', `/v1/callbacks/${other.json.id}/status/cancel?token=${other.headers.get('icc-status-token')}`, { body: { reason: 'Solved it myself' } });
} finally {
  gateway.kill('SIGTERM');
  await new Promise((resolve) => gateway.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}

const lines = [
  '# Issue 21: one real request/response per item',
  '',
  `Captured by \`node docs/examples/capture-issue-21-requests.mjs\` from the built gateway (\`dist/apps/gateway/main.js\`, what`,
  `\`npm start\` runs) with the mock vendor, the demo queues and agents, and \`ICC_FAKE_CLOCK=${START}\` (a Monday). Ids,`,
  'numbers, tokens and times are the values that gateway answered; only set-up calls (sign-in, the example queue, a first',
  'booking) are left out. Agent tokens are shown as `<token of …>`.',
  '',
];
for (const { title, why, exchanges } of sections) {
  lines.push(`## ${title}`, '', why, '');
  for (const exchange of exchanges) {
    const requestHeaders = [
      ...(exchange.token ? [`Authorization: Bearer <token of ${exchange.token === sam ? 'supervisor-sam' : 'agent-ada'}>`] : []),
      ...Object.entries(exchange.headers).map(([name, value]) => `${name}: ${value}`),
      ...(exchange.body === undefined ? [] : ['Content-Type: application/json']),
    ];
    lines.push('```http', `${exchange.method} ${exchange.path}`, ...requestHeaders);
    if (exchange.body !== undefined) lines.push('', JSON.stringify(exchange.body, null, 2));
    lines.push('```', '```http', `HTTP/1.1 ${exchange.status}`, ...exchange.shown);
    if (exchange.json !== undefined) lines.push('', JSON.stringify(exchange.json, null, 2));
    lines.push('```', '');
  }
}
writeFileSync(join(root, 'docs/examples/issue-21-requests.md'), lines.join('\n'));
console.log(`wrote docs/examples/issue-21-requests.md (${sections.length} items)`);
