import { exampleCreateCallbackRequest } from '@icc/protocol';
import { canonicalJson } from './canonical-json';
import { assertIdempotencyKey, formatCallbackNumber, hashCallbackRequest } from './callback-intake';
import { createKeyedLock } from './keyed-lock';

describe('callback intake helpers', () => {
  it('canonical JSON ignores key order and undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
  });

  it('hashes equal requests equally and different ones differently', () => {
    const request = exampleCreateCallbackRequest();
    const reordered = Object.fromEntries(Object.entries(request).reverse()) as typeof request;
    expect(hashCallbackRequest(reordered)).toBe(hashCallbackRequest(request));
    expect(hashCallbackRequest({ ...request, shortDescription: 'Other' })).not.toBe(hashCallbackRequest(request));
    expect(hashCallbackRequest(request)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('formats callback numbers with seven digits at least', () => {
    expect(formatCallbackNumber(123)).toBe('CB0000123');
    expect(formatCallbackNumber(12_345_678)).toBe('CB12345678');
  });

  it('accepts printable keys only', () => {
    expect(() => assertIdempotencyKey('ivr-7f3c2a1e')).not.toThrow();
    expect(() => assertIdempotencyKey('')).toThrow();
    expect(() => assertIdempotencyKey('a b')).toThrow();
    expect(() => assertIdempotencyKey('x'.repeat(256))).toThrow();
  });

  it('runs same-key tasks one after another, even when one fails', async () => {
    const lock = createKeyedLock();
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = lock.run('k', async () => {
      order.push('first:start');
      await new Promise<void>((resolve) => (release = resolve));
      order.push('first:end');
      throw new Error('boom');
    });
    const second = lock.run('k', async () => order.push('second'));
    const other = lock.run('other', async () => order.push('other'));
    await other;
    expect(order).toEqual(['first:start', 'other']);
    release();
    await expect(first).rejects.toThrow('boom');
    await second;
    expect(order).toEqual(['first:start', 'other', 'first:end', 'second']);
  });
});
