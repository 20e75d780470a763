import { typedArrayFor } from './typed-growth';

describe.each([
  ['Int32Array', Int32Array],
  ['Float64Array', Float64Array],
] as const)('typedArrayFor, %s', (_name, TypedArray) => {
  const filled = () => new TypedArray([1, 2, 3, 4]);

  it('answers the same array while it holds the length asked for', () => {
    const array = filled();
    expect(typedArrayFor(array, 0)).toBe(array);
    expect(typedArrayFor(array, 4)).toBe(array);
  });

  it('doubles when one more element is needed, keeping the elements', () => {
    const grown = typedArrayFor(filled(), 5);
    expect(grown).toBeInstanceOf(TypedArray);
    expect(Array.from(grown)).toEqual([1, 2, 3, 4, 0, 0, 0, 0]);
  });

  it('grows straight to a length beyond double', () => {
    expect(typedArrayFor(filled(), 11)).toHaveLength(11);
  });
});
