/** Joins CSS-module class names, skipping the false, null and undefined of conditional ones. */
export function cx(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** `wrap-up` → `WrapUp`: the camel-case tail of a CSS-module modifier class named after a value. */
export function capitalized(value: string): string {
  return value.replace(/(^|-)([a-z])/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}
