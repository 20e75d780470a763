import { pacedDeliveries } from './paced-deliveries';

describe('pacedDeliveries', () => {
  it('waits until a whole delivery is due', () => {
    expect(pacedDeliveries(0, 1, 100, 20)).toEqual([]);
    expect(pacedDeliveries(0, 19, 100, 20)).toEqual([]);
    expect(pacedDeliveries(0, 20, 100, 20)).toEqual([20]);
  });

  it('sends every whole delivery due, keeping the rest for later', () => {
    expect(pacedDeliveries(0, 45, 100, 20)).toEqual([20, 20]);
    expect(pacedDeliveries(40, 59, 100, 20)).toEqual([]);
  });

  it('sends the last, smaller delivery once every event is due', () => {
    expect(pacedDeliveries(80, 99, 100, 20)).toEqual([]);
    expect(pacedDeliveries(80, 100, 100, 20)).toEqual([20]);
    expect(pacedDeliveries(90, 100, 100, 20)).toEqual([10]);
    expect(pacedDeliveries(50, 100, 100, 20)).toEqual([20, 20, 10]);
    expect(pacedDeliveries(100, 100, 100, 20)).toEqual([]);
  });
});
