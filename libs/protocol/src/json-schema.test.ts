import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas, serializeJsonSchema } from './json-schema';
import { MESSAGE_SCHEMAS } from './message-schemas';

const schemaDir = join(__dirname, '..', 'schema');
const regenerate = 'The committed JSON Schemas are out of date: run `npx nx run protocol:schema` and commit libs/protocol/schema/.';

function committedFiles(): string[] {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith('.json'))
    .sort();
}

describe('JSON Schema export', () => {
  const generated = buildJsonSchemas();

  it('writes one schema per message', () => {
    expect(Object.keys(generated).sort()).toEqual(Object.keys(MESSAGE_SCHEMAS).sort());
  });

  it('matches the committed set of files', () => {
    const expected = Object.keys(generated)
      .map((name) => `${name}.json`)
      .sort();
    const committed = committedFiles();
    if (committed.join('\n') !== expected.join('\n')) {
      const missing = expected.filter((file) => !committed.includes(file));
      const extra = committed.filter((file) => !expected.includes(file));
      throw new Error(`${regenerate}\nMissing: ${missing.join(', ') || '-'}\nNo longer generated: ${extra.join(', ') || '-'}`);
    }
  });

  it.each(Object.keys(MESSAGE_SCHEMAS))('%s.json matches the zod source', (name) => {
    const file = join(schemaDir, `${name}.json`);
    const committed = committedFiles().includes(`${name}.json`) ? readFileSync(file, 'utf8') : '';
    if (committed !== serializeJsonSchema(generated[name])) throw new Error(`${name}.json differs. ${regenerate}`);
  });

  it('produces draft 2020-12 schemas that keep the contract constraints', () => {
    interface ObjectSchema {
      additionalProperties?: unknown;
      required?: string[];
    }
    const document = generated['CreateCallbackRequest'] as { $schema: string; $ref: string; $defs: Record<string, ObjectSchema> };
    expect(document.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(document.$ref).toBe('#/$defs/CreateCallbackRequest');
    const request = document.$defs['CreateCallbackRequest'];
    expect(request?.additionalProperties).toBe(false);
    expect(request?.required).toEqual(['queueId', 'customer', 'reason', 'shortDescription']);
    expect(document.$defs['E164PhoneNumber']).toMatchObject({ type: 'string', examples: ['+14155552671'] });
    expect(serializeJsonSchema({ a: 1 })).toBe('{\n  "a": 1\n}\n');
  });
});
