#!/usr/bin/env node
/**
 * Writes `connect-model-excerpt.json`: the constraints of the Connect operations this adapter
 * calls, taken from AWS's own Smithy model of the service (github.com/aws/api-models-aws,
 * `connect/service/2017-08-08/connect-2017-08-08.json`). The npm `aws-sdk` v2 package ships the
 * model minified without length/range/pattern traits and the v3 client's schemas carry none
 * either, so the excerpt is cut from the Smithy model and committed with its commit id.
 *
 * usage: node extract-connect-model.mjs <connect-2017-08-08.json> <commit> > connect-model-excerpt.json
 */
import { readFileSync } from 'node:fs';

const [modelPath, commit] = process.argv.slice(2);
if (!modelPath || !commit) throw new Error('usage: extract-connect-model.mjs <model.json> <commit>');
const model = JSON.parse(readFileSync(modelPath, 'utf8'));
const NS = 'com.amazonaws.connect#';
const OPERATIONS = [
  'StartOutboundVoiceContact',
  'StartTaskContact',
  'UpdateContactSchedule',
  'StopContact',
  'DescribeContact',
  'GetContactAttributes',
  'UpdateContactAttributes',
  'UpdateContact',
  'PutUserStatus',
  'StartContactRecording',
  'StopContactRecording',
  'TransferContact',
  'GetCurrentMetricData',
];
// The attribute rule is written in the members' documentation, not as a trait.
const ATTRIBUTE_RULE = 'Attribute keys can include only alphanumeric, dash, and underscore characters';

const shapes = {};
const errors = {};
const PRELUDE = { 'smithy.api#String': 'string', 'smithy.api#Integer': 'integer', 'smithy.api#Long': 'long', 'smithy.api#Boolean': 'boolean', 'smithy.api#Timestamp': 'timestamp', 'smithy.api#Double': 'double', 'smithy.api#Unit': 'unit' };

function constraints(traits = {}) {
  const out = {};
  if (traits['smithy.api#length']) out.length = traits['smithy.api#length'];
  if (traits['smithy.api#range']) out.range = traits['smithy.api#range'];
  // The model writes PhoneNumber's pattern escaped twice (`^\\+[1-9]\\d{1,14}$`), which as written
  // would only match a literal backslash; the documented format is E.164, so one escape is undone.
  if (traits['smithy.api#pattern']) out.pattern = traits['smithy.api#pattern'].replaceAll('\\\\', '\\');
  return out;
}

function ref(target) {
  if (PRELUDE[target]) return PRELUDE[target];
  const name = target.replace(NS, '');
  if (shapes[name]) return name;
  const shape = model.shapes[target];
  if (!shape) throw new Error(`unknown shape ${target}`);
  shapes[name] = { type: shape.type };
  const entry = { type: shape.type, ...constraints(shape.traits) };
  if (shape.type === 'enum') entry.values = Object.values(shape.members).map((member) => member.traits['smithy.api#enumValue']);
  if (shape.type === 'structure' || shape.type === 'union') {
    entry.members = {};
    entry.required = [];
    for (const [member, definition] of Object.entries(shape.members)) {
      const traits = definition.traits ?? {};
      entry.members[member] = { shape: ref(definition.target), ...constraints(traits) };
      const doc = (traits['smithy.api#documentation'] ?? '').replace(/\s+/g, ' ');
      if (doc.includes(ATTRIBUTE_RULE)) entry.members[member].attributes = { keyPattern: '^[A-Za-z0-9_-]+$', maxTotalUtf8Bytes: 32768, documentation: doc.replace(/<[^>]+>/g, '').slice(0, 400) };
      if (traits['smithy.api#required']) entry.required.push(member);
    }
  }
  if (shape.type === 'list') entry.member = ref(shape.member.target);
  if (shape.type === 'map') {
    entry.key = ref(shape.key.target);
    entry.value = ref(shape.value.target);
  }
  shapes[name] = entry;
  return name;
}

const operations = {};
for (const name of OPERATIONS) {
  const operation = model.shapes[NS + name];
  if (!operation) throw new Error(`operation ${name} is not in the model`);
  for (const error of operation.errors ?? []) {
    const shape = model.shapes[error.target];
    errors[error.target.replace(NS, '')] = { status: shape.traits['smithy.api#httpError'], fault: shape.traits['smithy.api#error'] };
  }
  operations[name] = {
    http: operation.traits['smithy.api#http'],
    input: ref(operation.input.target),
    errors: (operation.errors ?? []).map((error) => error.target.replace(NS, '')),
  };
}

const source = {
  repository: 'https://github.com/aws/api-models-aws',
  commit,
  path: 'connect/service/2017-08-08/connect-2017-08-08.json',
  generatedBy: 'libs/adapters/amazon-connect/model/extract-connect-model.mjs',
};
process.stdout.write(`${JSON.stringify({ source, operations, errors, shapes }, null, 1)}\n`);
