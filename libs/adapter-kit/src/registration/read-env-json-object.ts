import { z } from 'zod';

const StringMap = z.record(z.string(), z.string());

/**
 * An adapter setting given as JSON in one environment variable (an id map, a status table): an
 * object of strings, or undefined when the variable is unset or blank. Anything else names the
 * variable and an example.
 */
export function readEnvJsonObject(env: Record<string, string | undefined>, name: string, example: string): Record<string, string> | undefined {
  const value = env[name];
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return StringMap.parse(JSON.parse(value));
  } catch {
    throw new Error(`${name}: expected a JSON object of strings such as ${example}`);
  }
}
