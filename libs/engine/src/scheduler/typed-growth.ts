type GrowableArray = Int32Array<ArrayBuffer> | Float64Array<ArrayBuffer>;

/** `array` itself when it holds `length` elements, else a copy of the same kind at least twice its size (amortized O(1) appends). */
export function typedArrayFor<Growable extends GrowableArray>(array: Growable, length: number): Growable {
  if (length <= array.length) return array;
  const grown = new (array.constructor as new (length: number) => Growable)(Math.max(array.length * 2, length));
  grown.set(array);
  return grown;
}
