import { splitConnections } from './spread-intake';

describe('splitConnections', () => {
  it('spreads every connection, as evenly as they go, the first gateways taking the remainder', () => {
    expect(splitConnections(12, 1)).toEqual([12]);
    expect(splitConnections(12, 2)).toEqual([6, 6]);
    expect(splitConnections(12, 3)).toEqual([4, 4, 4]);
    expect(splitConnections(7, 3)).toEqual([3, 2, 2]);
    expect(splitConnections(64, 3).reduce((sum, share) => sum + share, 0)).toBe(64);
  });

  it('refuses fewer connections than gateways: a gateway without load would not be measured', () => {
    expect(() => splitConnections(2, 3)).toThrow('2 connections cannot reach 3 gateways');
  });
});
