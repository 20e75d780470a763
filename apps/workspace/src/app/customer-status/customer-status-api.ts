import type { CustomerCallbackStatus, ErrorBody, QueueSlotList } from '@icc/protocol';

/** A refused customer request: its HTTP status and the gateway's `ErrorBody` (e.g. `nextFreeSlots` of `slot_full`). */
export class CustomerStatusRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ErrorBody>,
  ) {
    super(body.message ?? `HTTP ${status}`);
    this.name = 'CustomerStatusRefusal';
  }
}

export interface CustomerStatusApi {
  status(): Promise<CustomerCallbackStatus>;
  cancel(): Promise<CustomerCallbackStatus>;
  move(start: string): Promise<CustomerCallbackStatus>;
  slots(range: { from: string; to: string }): Promise<QueueSlotList>;
}

/** The status routes of one callback, by its link's token; no agent token, and the URL never leaves as a referrer. */
export function createCustomerStatusApi(callbackId: string, token: string): CustomerStatusApi {
  const base = `/v1/callbacks/${encodeURIComponent(callbackId)}/status`;
  async function call<T>(path: string, query: Record<string, string> = {}, body?: unknown): Promise<T> {
    const search = new URLSearchParams({ token, ...query });
    const response = await fetch(`${base}${path}?${search.toString()}`, {
      referrerPolicy: 'no-referrer',
      ...(body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer = (await response.json().catch(() => ({}))) as unknown;
    if (!response.ok) throw new CustomerStatusRefusal(response.status, answer as Partial<ErrorBody>);
    return answer as T;
  }
  return {
    status: () => call(''),
    cancel: () => call('/cancel', {}, {}),
    move: (start) => call('/move', {}, { start }),
    slots: (range) => call('/slots', range),
  };
}
