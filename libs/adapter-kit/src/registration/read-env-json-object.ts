/**
 * An adapter setting given as JSON in one environment variable (an id map, a status table), or
 * undefined when the variable is unset or empty. Unparseable JSON names the variable and an example.
 */
export function readEnvJsonObject(env: Record<string, string | undefined>, name: string, example: string): Record<string, string> | undefined {
  const value = env[name];
  if (value === undefined || value === '') return undefined;
  try {
    return JSON.parse(value) as Record<string, string>;
  } catch {
    throw new Error(`${name}: expected a JSON object such as ${example}`);
  }
}
