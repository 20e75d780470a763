/** The shape with every key optional and never undefined. */
export type WithoutUndefined<Shape extends object> = { [Key in keyof Shape]?: Exclude<Shape[Key], undefined> };

/**
 * A copy without the keys whose value is undefined: what a mapping builds for an optional field
 * (under `exactOptionalPropertyTypes`) and what a spread of the result must not overwrite with.
 */
export function withoutUndefined<Shape extends object>(value: Shape): WithoutUndefined<Shape> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as WithoutUndefined<Shape>;
}
