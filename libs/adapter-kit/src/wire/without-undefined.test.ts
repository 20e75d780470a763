import { withoutUndefined } from './without-undefined';

describe('withoutUndefined', () => {
  it('drops undefined values and keeps every other one, falsy ones included', () => {
    const result = withoutUndefined({ a: 1, b: undefined, c: null, d: 0, e: '', f: false });
    expect(result).toStrictEqual({ a: 1, c: null, d: 0, e: '', f: false });
    expect(Object.keys(result)).not.toContain('b');
  });

  it('lets a spread keep what the result leaves out', () => {
    expect({ mode: 'agent-first', pacing: 1, ...withoutUndefined({ mode: 'customer-first', pacing: undefined }) }).toEqual({ mode: 'customer-first', pacing: 1 });
  });
});
