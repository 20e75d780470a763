import * as connectSdk from '@aws-sdk/client-connect';
import { loadConnectServiceModel, type BotocoreShape } from './connect-service-model';

/**
 * Amazon Connect's own service model as the contract of every request the adapter sends in tests.
 * Bounds (`min`/`max`), patterns, enums, required members and error statuses come from botocore's
 * model of the service (see `connect-service-model.ts`); member names and required members also
 * from the schemas of the `@aws-sdk/client-connect` version the adapter runs, which is newer than
 * botocore's model (Dec 2022): a member only the SDK knows is accepted but has no bounds to check.
 * Sent in tests today: `StopContact.DisconnectReason` and `StartTaskContact.RelatedContactId`.
 */
export const CONNECT_MODEL = loadConnectServiceModel();

/**
 * Attribute rules the model states only in prose, on every `Attributes` member (e.g.
 * https://docs.aws.amazon.com/connect/latest/APIReference/API_StartTaskContact.html#connect-StartTaskContact-request-Attributes):
 * "There can be up to 32,768 UTF-8 bytes across all key-value pairs per contact. Attribute keys
 * can include only alphanumeric, dash, and underscore characters."
 */
const ATTRIBUTE_RULE = 'Attribute keys can include only alphanumeric, dash, and underscore characters';
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
const ATTRIBUTES_MAX_UTF8_BYTES = 32_768;

/** Member names and required count of an input structure, as the installed v3 SDK's schema declares them. */
function sdkSchema(structure: string): { members: string[]; required: number } | undefined {
  const schema = (connectSdk as unknown as Record<string, unknown>)[`${structure}$`];
  if (!Array.isArray(schema) || schema[0] !== 3 || !Array.isArray(schema[4])) return undefined;
  return { members: schema[4] as string[], required: typeof schema[6] === 'number' ? schema[6] : 0 };
}

/**
 * The model writes PhoneNumber's pattern escaped twice (`\\+[1-9]\\d{1,14}$`), which as written
 * would only match a literal backslash; the documented format is E.164, so one escape is undone.
 */
const patternOf = (shape: BotocoreShape) => shape.pattern?.replaceAll('\\\\', '\\');

const codePoints = (text: string) => [...text].length;

function checkBounds(path: string, value: unknown, shape: BotocoreShape, problems: string[]): void {
  if (typeof value === 'number') {
    if (shape.min !== undefined && value < shape.min) problems.push(`${path}: ${value} is below the model's minimum ${shape.min}`);
    if (shape.max !== undefined && value > shape.max) problems.push(`${path}: ${value} is above the model's maximum ${shape.max}`);
    return;
  }
  const size = typeof value === 'string' ? codePoints(value) : Array.isArray(value) ? value.length : value && typeof value === 'object' ? Object.keys(value).length : undefined;
  if (size !== undefined) {
    if (shape.min !== undefined && size < shape.min) problems.push(`${path}: length ${size} is below the model's minimum ${shape.min}`);
    if (shape.max !== undefined && size > shape.max) problems.push(`${path}: length ${size} is above the model's maximum ${shape.max}`);
  }
  const pattern = patternOf(shape);
  if (pattern && typeof value === 'string' && !new RegExp(pattern, 'u').test(value)) {
    problems.push(`${path}: ${JSON.stringify(value)} does not match the model's pattern ${pattern}`);
  }
}

const PRIMITIVE: Partial<Record<BotocoreShape['type'], (value: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  long: (v) => Number.isInteger(v),
  double: (v) => typeof v === 'number',
  float: (v) => typeof v === 'number',
  boolean: (v) => typeof v === 'boolean',
  timestamp: (v) => v instanceof Date || typeof v === 'number',
};

function checkValue(path: string, value: unknown, shapeName: string, problems: string[]): void {
  if (value === undefined) return;
  const shape = CONNECT_MODEL.shapes[shapeName];
  if (!shape) return void problems.push(`${path}: shape ${shapeName} is not in the model`);
  const isType = PRIMITIVE[shape.type];
  if (isType) {
    if (!isType(value)) return void problems.push(`${path}: ${JSON.stringify(value)} is not a ${shape.type}`);
    if (shape.enum && !shape.enum.includes(value as string)) return void problems.push(`${path}: ${JSON.stringify(value)} is not one of ${shape.enum.join(', ')}`);
    checkBounds(path, value, shape, problems);
    return;
  }
  switch (shape.type) {
    case 'list':
      if (!Array.isArray(value)) return void problems.push(`${path}: not a list`);
      checkBounds(path, value, shape, problems);
      value.forEach((item, index) => checkValue(`${path}[${index}]`, item, shape.member?.shape as string, problems));
      return;
    case 'map':
      if (typeof value !== 'object' || value === null) return void problems.push(`${path}: not a map`);
      checkBounds(path, value, shape, problems);
      for (const [key, item] of Object.entries(value)) {
        checkValue(`${path} key ${JSON.stringify(key)}`, key, shape.key?.shape as string, problems);
        checkValue(`${path}.${key}`, item, shape.value?.shape as string, problems);
      }
      return;
    case 'structure':
      checkStructure(path, value, shapeName, shape, problems);
      return;
  }
}

function checkAttributes(path: string, attributes: object, problems: string[]): void {
  for (const key of Object.keys(attributes)) {
    if (!ATTRIBUTE_KEY.test(key)) problems.push(`${path} key ${JSON.stringify(key)}: attribute keys can include only alphanumeric, dash, and underscore characters`);
  }
  const bytes = Object.entries(attributes).reduce((sum, [key, text]) => sum + Buffer.byteLength(key) + Buffer.byteLength(String(text)), 0);
  if (bytes > ATTRIBUTES_MAX_UTF8_BYTES) problems.push(`${path}: ${bytes} UTF-8 bytes, above the ${ATTRIBUTES_MAX_UTF8_BYTES} per contact`);
}

function checkStructure(path: string, value: unknown, shapeName: string, shape: BotocoreShape, problems: string[]): void {
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
    checkValue(`${path}.${member}`, item, definition.shape, problems);
    if (definition.documentation?.replace(/\s+/g, ' ').includes(ATTRIBUTE_RULE) && typeof item === 'object' && item !== null) {
      checkAttributes(`${path}.${member}`, item, problems);
    }
  }
}

/** Everything in `input` the model says Amazon Connect would refuse; empty when the request is valid. */
export function checkConnectRequest(operation: string, input: unknown): string[] {
  const inputShape = CONNECT_MODEL.operations[operation]?.input?.shape;
  if (!inputShape) return [`${operation}: not an operation with input in botocore's Connect model`];
  const problems: string[] = [];
  checkValue(operation, input, inputShape, problems);
  return problems;
}

/** The HTTP status the model gives a Connect error type (e.g. ContactNotFoundException → 410). */
export function connectErrorStatus(errorType: string): number {
  const status = CONNECT_MODEL.shapes[errorType]?.error?.httpStatusCode;
  if (status === undefined) throw new Error(`${errorType} is not an error with an HTTP status in botocore's Connect model`);
  return status;
}
