import { pacedDeliveries } from './paced-deliveries';

describe('pacedDeliveries', () => {
  it('as-due: sends what fell due, in deliveries of at most the size', () => {
    expect(pacedDeliveries(0, 0, 100, 20, 'as-due')).toEqual([]);
    expect(pacedDeliveries(0, 1, 100, 20, 'as-due')).toEqual([1]);
    expect(pacedDeliveries(3, 45, 100, 20, 'as-due')).toEqual([20, 20, 2]);
    expect(pacedDeliveries(90, 100, 100, 20, 'as-due')).toEqual([10]);
  });

  it('whole: waits until a whole delivery is due and keeps the rest for later', () => {
    expect(pacedDeliveries(0, 1, 100, 20, 'whole')).toEqual([]);
    expect(pacedDeliveries(0, 19, 100, 20, 'whole')).toEqual([]);
    expect(pacedDeliveries(0, 20, 100, 20, 'whole')).toEqual([20]);
    expect(pacedDeliveries(0, 45, 100, 20, 'whole')).toEqual([20, 20]);
    expect(pacedDeliveries(40, 59, 100, 20, 'whole')).toEqual([]);
  });

  it('whole: sends the last, smaller delivery once every event is due', () => {
    expect(pacedDeliveries(80, 99, 100, 20, 'whole')).toEqual([]);
    expect(pacedDeliveries(80, 100, 100, 20, 'whole')).toEqual([20]);
    expect(pacedDeliveries(90, 100, 100, 20, 'whole')).toEqual([10]);
    expect(pacedDeliveries(50, 100, 100, 20, 'whole')).toEqual([20, 20, 10]);
    expect(pacedDeliveries(100, 100, 100, 20, 'whole')).toEqual([]);
  });
});
