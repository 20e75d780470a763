import { AdapterError } from '@icc/core';
import { mayHaveReachedVendor } from './may-have-reached-vendor';

describe('mayHaveReachedVendor', () => {
  it.each([
    ['no answer at all', new AdapterError('socket hang up', true), true],
    ['a 2xx we could not read', new AdapterError('bad shape', false, 200), true],
    ['a 500', new AdapterError('boom', true, 500), true],
    ['a 503 (not done)', new AdapterError('busy', true, 503), false],
    ['a 429 (not done)', new AdapterError('slow down', true, 429), false],
    ['a 400 (refused)', new AdapterError('bad request', false, 400), false],
    ['something that is not a vendor error', new Error('bug'), true],
  ])('%s → %s', (_label, error, expected) => {
    expect(mayHaveReachedVendor(error)).toBe(expected);
  });
});
