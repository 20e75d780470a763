import { float64ArrayFor, int32ArrayFor } from './typed-growth';

describe.each([
  ['int32ArrayFor', int32ArrayFor, Int32Array],
  ['float64ArrayFor', float64ArrayFor, Float64Array],
] as const)('%s', (_name, arrayFor, TypedArray) => {
  const filled = () => new TypedArray([1, 2, 3, 4]) as never;

  it('answers the same array while it holds the length asked for', () => {
    const array = filled();
    expect(arrayFor(array, 0)).toBe(array);
    expect(arrayFor(array, 4)).toBe(array);
  });

  it('doubles when one more element is needed, keeping the elements', () => {
    const grown = arrayFor(filled(), 5);
    expect(Array.from(grown)).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
  });

  it('grows straight to a length beyond double', () => {
    expect(arrayFor(filled(), 11)).toHaveLength(11);
  });
});
