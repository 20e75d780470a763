import * as connectSdk from '@aws-sdk/client-connect';
import excerpt from '../../model/connect-model-excerpt.json';

/**
 * Amazon Connect's own service model as the contract of every request the adapter sends in tests.
 * Bounds, patterns, enums and required members come from AWS's Smithy model (excerpt and source
 * commit in `model/`); member names and required members also from the schemas of the
 * `@aws-sdk/client-connect` version the adapter runs, which can be newer than the model excerpt:
 * a member only the SDK knows is accepted but has no bounds to check.
 */
interface ShapeDefinition {
  type: string;
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
  values?: string[];
  members?: Record<string, MemberDefinition>;
  required?: string[];
  member?: string;
  key?: string;
  value?: string;
}
interface MemberDefinition {
  shape: string;
  length?: { min?: number; max?: number };
  range?: { min?: number; max?: number };
  pattern?: string;
  attributes?: { keyPattern: string; maxTotalUtf8Bytes: number };
}
interface ModelExcerpt {
  source: { repository: string; commit: string; path: string };
  operations: Record<string, { input: string; errors: string[] }>;
  errors: Record<string, { status: number; fault: string }>;
  shapes: Record<string, ShapeDefinition>;
}

export const CONNECT_MODEL = excerpt as unknown as ModelExcerpt;

/** Member names and required count of an input structure, as the installed v3 SDK's schema declares them. */
function sdkSchema(structure: string): { members: string[]; required: number } | undefined {
  const schema = (connectSdk as unknown as Record<string, unknown>)[`${structure}$`];
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return undefined;
  return { members: schema[4] as string[], required: typeof schema[6] === 'number' ? schema[6] : 0 };
}

const codePoints = (text: string) => [...text].length;

function checkBounds(path: string, value: unknown, rules: Pick<ShapeDefinition, 'length' | 'range' | 'pattern'>, problems: string[]): void {
  const size = typeof value === 'string' ? codePoints(value) : Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : undefined;
  if (rules.length && size !== undefined) {
    if (rules.length.min !== undefined && size < rules.length.min) problems.push(`${path}: length ${size} is below the model's minimum ${rules.length.min}`);
    if (rules.length.max !== undefined && size > rules.length.max) problems.push(`${path}: length ${size} is above the model's maximum ${rules.length.max}`);
  }
  if (rules.range && typeof value === 'number') {
    if (rules.range.min !== undefined && value < rules.range.min) problems.push(`${path}: ${value} is below the model's minimum ${rules.range.min}`);
    if (rules.range.max !== undefined && value > rules.range.max) problems.push(`${path}: ${value} is above the model's maximum ${rules.range.max}`);
  }
  if (rules.pattern && typeof value === 'string' && !new RegExp(rules.pattern, 'u').test(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} does not match the model's pattern ${rules.pattern}`);
  }
}

function checkValue(path: string, value: unknown, shapeName: string, problems: string[]): void {
  if (value === undefined) return;
  const primitive: Record<string, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string',
    integer: (v) => Number.isInteger(v),
    long: (v) => Number.isInteger(v),
    double: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
    timestamp: (v) => v instanceof Date || typeof v === 'number',
  };
  const shape = CONNECT_MODEL.shapes[shapeName] ?? { type: shapeName };
  const isType = primitive[shape.type];
  if (isType) {
    if (!isType(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${shape.type}`);
    checkBounds(path, value, shape, problems);
    return;
  }
  switch (shape.type) {
    case 'enum':
      if (!shape.values?.includes(value as string)) problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.values?.join(', ')}`);
      return;
    case 'list':
      if (!Array.isArray(value)) return void problems.push(`${path}: not a list`);
      checkBounds(path, value, shape, problems);
      value.forEach((item, index) => checkValue(`${path}[${index}]`, item, shape.member as string, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null) return void problems.push(`${path}: not a map`);
      checkBounds(path, value, shape, problems);
      for (const [key, item] of Object.entries(value)) {
        checkValue(`${path} key ${JSON.stringify(key)}`, key, shape.key as string, problems);
        checkValue(`${path}.${key}`, item, shape.value as string, problems);
      }
      return;
    case 'structure':
    case 'union':
      checkStructure(path, value, shapeName, shape, problems);
      return;
  }
}

function checkStructure(path: string, value: unknown, shapeName: string, shape: ShapeDefinition, problems: string[]): void {
  if (typeof value !== 'object' || value === null) return void problems.push(`${path}: not a structure`);
  const record = value as Record<string, unknown>;
  const sdk = sdkSchema(shapeName);
  const required = new Set([...(shape.required ?? []), ...(sdk ? sdk.members.slice(0, sdk.required) : [])]);
  for (const member of required) if (record[member] === undefined) problems.push(`${path}.${member}: required by the model`);
  for (const [member, item] of Object.entries(record)) {
    if (item === undefined) continue;
    const definition = shape.members?.[member];
    if (!definition) {
      if (!sdk?.members.includes(member)) problems.push(`${path}.${member}: not a member of ${shapeName}`);
      continue;
    }
    checkBounds(`${path}.${member}`, item, definition, problems);
    checkValue(`${path}.${member}`, item, definition.shape, problems);
    if (definition.attributes && typeof item === 'object' && item !== null) {
      const pattern = new RegExp(definition.attributes.keyPattern);
      for (const key of Object.keys(item)) {
        if (!pattern.test(key)) problems.push(`${path}.${member} key ${JSON.stringify(key)}: attribute keys can include only alphanumeric, dash, and underscore characters`);
      }
      const bytes = Object.entries(item).reduce((sum, [key, text]) => sum + Buffer.byteLength(key) + Buffer.byteLength(String(text)), 0);
      if (bytes > definition.attributes.maxTotalUtf8Bytes) problems.push(`${path}.${member}: ${bytes} UTF-8 bytes, above the ${definition.attributes.maxTotalUtf8Bytes} per contact`);
    }
  }
}

/** Everything in `input` the model says Amazon Connect would refuse; empty when the request is valid. */
export function checkConnectRequest(operation: string, input: unknown): string[] {
  const definition = CONNECT_MODEL.operations[operation];
  if (!definition) return [`${operation}: not in the model excerpt (add it to model/extract-connect-model.mjs)`];
  const problems: string[] = [];
  checkValue(operation, input, definition.input, problems);
  return problems;
}

/** The HTTP status the model gives a Connect error type (e.g. ContactNotFoundException → 410). */
export function connectErrorStatus(errorType: string): number {
  const error = CONNECT_MODEL.errors[errorType];
  if (!error) throw new Error(`${errorType} is not an error of the operations in the model excerpt`);
  return error.status;
}
