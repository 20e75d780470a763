import { deriveLoad, describeDerivedLoad, loadLabel } from './derived-load';

describe('deriveLoad', () => {
  it('takes a fixed fraction of the measured capacity, in whole units', () => {
    const load = deriveLoad(5365.3, 0.2, 'req/s', 'bare express');
    expect(load.rate).toBe(1073);
    expect(loadLabel(load)).toBe('1,073 req/s');
    expect(describeDerivedLoad(load)).toBe('1,073 req/s = 20 % of the capacity of bare express in this run, 5,365 req/s');
  });

  it('follows the machine: half the capacity, half the load', () => {
    expect(deriveLoad(31_836, 0.25, 'events/s', 'raw ws').rate).toBe(7959);
    expect(deriveLoad(15_918, 0.25, 'events/s', 'raw ws').rate).toBe(3980);
  });

  it('never derives a load from a capacity that was not measured', () => {
    expect(() => deriveLoad(Number.NaN, 0.2, 'req/s', 'bare express')).toThrow('cannot derive a load');
    expect(() => deriveLoad(0, 0.2, 'req/s', 'bare express')).toThrow('cannot derive a load');
    expect(deriveLoad(1, 0.2, 'req/s', 'x').rate).toBe(1);
  });
});
