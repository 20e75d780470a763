import { exampleCallback, exampleCustomer, type Callback } from '@icc/protocol';
import { callbackTab, filterCallbacks } from './filter-callbacks';

const asap = exampleCallback({ id: 'cb-1', number: 'CB0000001', state: 'in-progress' });
const waiting = exampleCallback({
  id: 'cb-2',
  number: 'CB0000002',
  requestedAt: '2026-03-10T15:00:00Z',
  customer: exampleCustomer({ firstName: 'Camille', lastName: 'Durand', phoneNumbers: ['+33142685300'] }),
});
const tomorrow = exampleCallback({
  id: 'cb-3',
  number: 'CB0000003',
  schedule: { type: 'scheduled', start: '2026-03-11T16:00:00Z' },
});
const sooner = exampleCallback({
  id: 'cb-4',
  number: 'CB0000004',
  schedule: { type: 'scheduled', start: '2026-03-11T09:00:00Z' },
});
const done = exampleCallback({ id: 'cb-5', number: 'CB0000005', state: 'completed' });
const cancelled = exampleCallback({ id: 'cb-6', number: 'CB0000006', state: 'cancelled' });
const all: Callback[] = [asap, waiting, tomorrow, sooner, done, cancelled];

const ids = (callbacks: Callback[]) => callbacks.map((callback) => callback.id);

describe('callbackTab', () => {
  it('sorts requests into Open, Scheduled and History', () => {
    expect(all.map(callbackTab)).toEqual(['open', 'open', 'scheduled', 'scheduled', 'history', 'history']);
  });
});

describe('filterCallbacks', () => {
  it('shows a tab newest first, scheduled ones soonest first', () => {
    expect(ids(filterCallbacks(all, { tab: 'open', state: 'all', search: '' }))).toEqual(['cb-2', 'cb-1']);
    expect(ids(filterCallbacks(all, { tab: 'scheduled', state: 'all', search: '' }))).toEqual(['cb-4', 'cb-3']);
  });

  it('filters by state', () => {
    expect(ids(filterCallbacks(all, { tab: 'history', state: 'cancelled', search: '' }))).toEqual(['cb-6']);
  });

  it('searches customer name, callback number and phone number', () => {
    expect(ids(filterCallbacks(all, { tab: 'open', state: 'all', search: 'camille' }))).toEqual(['cb-2']);
    expect(ids(filterCallbacks(all, { tab: 'open', state: 'all', search: 'cb0000001' }))).toEqual(['cb-1']);
    expect(ids(filterCallbacks(all, { tab: 'open', state: 'all', search: '4268' }))).toEqual(['cb-2']);
    expect(ids(filterCallbacks(all, { tab: 'open', state: 'all', search: 'nobody' }))).toEqual([]);
  });
});
