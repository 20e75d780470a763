/** `array` itself when it holds `length` elements, else a copy at least twice its size (amortized O(1) appends). */
export function int32ArrayFor(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(array.length * 2, length));
  grown.set(array);
  return grown;
}

/** `array` itself when it holds `length` elements, else a copy at least twice its size (amortized O(1) appends). */
export function float64ArrayFor(array: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Float64Array(Math.max(array.length * 2, length));
  grown.set(array);
  return grown;
}
