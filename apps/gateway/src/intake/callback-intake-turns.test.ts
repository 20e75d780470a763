import type { AsyncEventStore, CcaasAdapterV1 } from '@icc/core';
import { exampleCallback, exampleCreateCallbackRequest, exampleCustomer, exampleQueueConfig, type Callback } from '@icc/protocol';
import { createCallbackBooking, type CallbackBooking } from '../capacity/callback-booking';
import { bookingAcrossGateways } from '../cluster/booking-across-gateways';
import { createCallbackIntake } from './callback-intake';

const queue = exampleQueueConfig({ duplicates: { maxOpenPerNumber: 1, onDuplicate: 'allow' } });

/** A store of created callbacks and an adapter whose `requestCallback` takes a while, counting how many run at once. */
function slowCreation() {
  const created = new Map<string, Callback>();
  let inFlight = 0;
  let most = 0;
  let sequence = 0;
  const store = {
    listQueues: async () => [queue],
    nextCallbackNumber: async () => ++sequence,
    getCallback: async (id: string) => created.get(id),
    openCallbacksWithNumbers: async () => [],
    scheduledStartsOfQueue: async () => [],
  } as Partial<AsyncEventStore> as AsyncEventStore;
  const adapter = {
    async requestCallback(_request, identity) {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 20));
      inFlight--;
      created.set(identity.callbackId, exampleCallback({ id: identity.callbackId, number: identity.number }));
      return [];
    },
  } as Partial<CcaasAdapterV1> as CcaasAdapterV1;
  return { store, adapter, mostInFlight: () => most };
}

async function mostInFlightWith(bookingOf: (store: AsyncEventStore) => CallbackBooking): Promise<number> {
  const { store, adapter, mostInFlight } = slowCreation();
  const intake = createCallbackIntake(store, adapter, bookingOf(store));
  const answers = await Promise.all(
    Array.from({ length: 5 }, (_, index) => intake.create(exampleCreateCallbackRequest({ customer: exampleCustomer({ phoneNumbers: [`+1415555010${index}`] }) }))),
  );
  expect(answers.map((answer) => answer.outcome)).toEqual(Array.from({ length: 5 }, () => 'created'));
  return mostInFlight();
}

describe('callback intake: where the append runs', () => {
  const local = (store: AsyncEventStore) => createCallbackBooking(store, () => true, () => 0);

  it('appends after the queue’s turn with the local booking, so the creations of a queue overlap', async () => {
    expect(await mostInFlightWith(local)).toBeGreaterThanOrEqual(2);
  });

  it('appends inside the turn across gateways, where the database lock must cover the write', async () => {
    expect(await mostInFlightWith((store) => bookingAcrossGateways(local(store), async (_name, work) => work()))).toBe(1);
  });
});
