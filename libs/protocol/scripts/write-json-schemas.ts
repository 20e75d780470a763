// Writes libs/protocol/schema/<Message>.json from the zod source. Run: npx nx run protocol:schema
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildJsonSchemas, serializeJsonSchema } from '../src/json-schema';

const outDir = join(__dirname, '..', 'schema');
mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(outDir)) if (file.endsWith('.json')) rmSync(join(outDir, file));
const schemas = buildJsonSchemas();
for (const [name, schema] of Object.entries(schemas)) {
  writeFileSync(join(outDir, `${name}.json`), serializeJsonSchema(schema));
}
console.log(`wrote ${Object.keys(schemas).length} JSON Schema files to ${outDir}`);
