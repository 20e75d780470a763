import { ICC_WORK_ITEM_KEYS, withoutUndefined } from '@icc/adapter-kit';
import { IccError, type NewCallbackIdentity } from '@icc/core';
import type { CreateCallbackRequest, UpdateCallbackRequest } from '@icc/protocol';
import type { Models } from 'purecloud-platform-client-v2';
import type { GenesysClient } from './genesys-client';
import type { GenesysCallbackRecord } from './genesys-callback-record';

/** ICC context written into the callback's `data` (participant `attributes` for scripts); the ids map notifications back. */
export const ICC_DATA_KEYS = {
  ...ICC_WORK_ITEM_KEYS,
  reason: 'iccReason',
  shortDescription: 'iccShortDescription',
  caseRef: 'iccCaseRef',
  accountRef: 'iccAccountRef',
  ivrPath: 'iccIvrPath',
} as const;

export interface ConvertToGenesysCallbackOptions {
  genesysQueueId: string;
  now: number;
  scriptId?: string | undefined;
  /** ICC skill / language / agent id → the org's ids (`skillMap`, `languageMap`, `userMap`). */
  skillMap: Readonly<Record<string, string>>;
  languageMap: Readonly<Record<string, string>>;
  userMap: Readonly<Record<string, string>>;
}

/** An ICC id the org's maps do not know: refused with the request's path, nothing is sent. */
function mapped(map: Readonly<Record<string, string>>, key: string, path: Array<string | number>, what: string): string {
  const id = map[key];
  if (id === undefined) throw new IccError('validation_failed', `${what} "${key}" is not mapped to Genesys`, [{ path, message: `Unknown ${what.toLowerCase()}`, code: 'custom' }]);
  return id;
}

/** `RoutingData` (queue, skills, language, priority, preferred agents) for the request's `routing`. */
function routingDataOf(request: CreateCallbackRequest, options: ConvertToGenesysCallbackOptions): Models.RoutingData | undefined {
  const { routing } = request;
  if (routing === undefined) return undefined;
  return {
    queueId: options.genesysQueueId,
    ...withoutUndefined({
      skillIds: routing.skills?.map((skill, index) => mapped(options.skillMap, skill, ['routing', 'skills', index], 'Skill')),
      languageId: routing.language === undefined ? undefined : mapped(options.languageMap, routing.language, ['routing', 'language'], 'Language'),
      priority: routing.priority,
      preferredAgentIds: routing.preferredAgentIds?.map((agentId, index) => mapped(options.userMap, agentId, ['routing', 'preferredAgentIds', index], 'Agent')),
    }),
  };
}

/**
 * The `CreateCallbackCommand` for an ICC callback request: the customer's numbers and name, the
 * scheduled time when it lies ahead, caller id and routing data when asked for, and the ICC context in `data` (free attributes first, so an
 * attribute can never overwrite the ids the adapter maps notifications back with).
 */
export function convertToGenesysCallback(
  request: CreateCallbackRequest,
  identity: NewCallbackIdentity,
  options: ConvertToGenesysCallbackOptions,
): Models.CreateCallbackCommand {
  const { customer, schedule } = request;
  const data: Record<string, string> = { ...request.attributes };
  data[ICC_DATA_KEYS.reason] = request.reason.code === 'custom' && request.reason.label ? request.reason.label : request.reason.code;
  data[ICC_DATA_KEYS.shortDescription] = request.shortDescription;
  if (request.caseRef !== undefined) data[ICC_DATA_KEYS.caseRef] = request.caseRef;
  if (request.accountRef !== undefined) data[ICC_DATA_KEYS.accountRef] = request.accountRef;
  if (request.ivrPath.length > 0) data[ICC_DATA_KEYS.ivrPath] = request.ivrPath.join(' > ');
  data[ICC_DATA_KEYS.callbackNumber] = identity.number;
  data[ICC_DATA_KEYS.callbackId] = identity.callbackId;
  data[ICC_DATA_KEYS.interactionId] = identity.interactionId;

  return {
    queueId: options.genesysQueueId,
    callbackUserName: `${customer.firstName} ${customer.lastName}`,
    callbackNumbers: [...customer.phoneNumbers],
    validateCallbackNumbers: true,
    data,
    ...withoutUndefined({
      callbackScheduledTime: schedule.type === 'scheduled' && Date.parse(schedule.start) > options.now ? new Date(schedule.start).toISOString() : undefined,
      scriptId: options.scriptId,
      callerId: request.callerId,
      callerIdName: request.callerIdName,
      routingData: routingDataOf(request, options),
    }),
  };
}

/** Writes changed descriptive fields into the customer participant's attributes, where `data` went at create. */
export async function updateGenesysCallback(client: GenesysClient, record: GenesysCallbackRecord, changes: UpdateCallbackRequest): Promise<void> {
  const participantId = record.progress?.customerParticipantId;
  if (record.vendorRef === undefined || participantId === undefined) return;
  const { shortDescription, caseRef, accountRef } = ICC_DATA_KEYS;
  const attributes = { ...changes.attributes, ...withoutUndefined({ [shortDescription]: changes.shortDescription, [caseRef]: changes.caseRef, [accountRef]: changes.accountRef }) };
  if (Object.keys(attributes).length > 0) await client.patchParticipantAttributes(record.vendorRef, participantId, attributes);
}
