/**
 * A JSON value with every object key that starts with a capital followed by a lower-case letter
 * (`EventType`, `AgentInfo`) read with that first letter lower-cased, at any depth; acronym keys
 * (`ARN`, `ID`) and values are kept. For vendor payloads that mix PascalCase into camelCase.
 */
export function lowerFirstLetterKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerFirstLetterKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [/^[A-Z][a-z]/.test(key) ? key.charAt(0).toLowerCase() + key.slice(1) : key, lowerFirstLetterKeys(entry)]),
  );
}
