import type { AsyncEventStore } from '@icc/core';
import type { Exclusive } from '@icc/store-postgres';
import { createCallbackBooking } from '../capacity/callback-booking';
import { bookingAcrossGateways } from './booking-across-gateways';

describe('booking across gateways', () => {
  const local = createCallbackBooking({} as AsyncEventStore, () => true, () => 0);

  it('keeps creations in the turn: the other gateways cannot see this one’s holds', () => {
    expect(local.creationsLeaveTurn).toBe(true);
    expect(bookingAcrossGateways(local, async (_name, work) => work()).creationsLeaveTurn).toBe(false);
  });

  it('runs the work under the queue’s database lock, inside the gateway’s own turn', async () => {
    const log: string[] = [];
    let held: string | undefined;
    const exclusive: Exclusive = async (name, work) => {
      held = name;
      log.push(`lock ${name}`);
      try {
        return await work();
      } finally {
        log.push(`unlock ${name}`);
        held = undefined;
      }
    };
    const booking = bookingAcrossGateways(local, exclusive);
    let release: () => void = () => undefined;
    const first = booking.serialized('q1', async () => {
      log.push(`first under ${String(held)}`);
      await new Promise<void>((resolve) => (release = resolve));
      return 'first';
    });
    const second = booking.serialized('q1', async () => {
      log.push(`second under ${String(held)}`);
      return 'second';
    });
    await new Promise((resolve) => setImmediate(resolve));
    release();

    expect(await Promise.all([first, second])).toEqual(['first', 'second']);
    expect(log).toEqual(['lock booking:q1', 'first under booking:q1', 'unlock booking:q1', 'lock booking:q1', 'second under booking:q1', 'unlock booking:q1']);
  });
});
