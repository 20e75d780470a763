import type { UpdateCallbackRequest } from '@icc/protocol';
import { ICC_DATA_KEYS } from './genesys-callback-data';
import type { GenesysCallbackRecord } from './genesys-conversation-sync';
import type { GenesysClient } from './genesys-client';

/** Writes changed descriptive fields into the customer participant's attributes, where `data` went at create. */
export async function updateGenesysCallback(client: GenesysClient, record: GenesysCallbackRecord, changes: UpdateCallbackRequest): Promise<void> {
  const participantId = record.progress?.customerParticipantId;
  if (record.vendorRef === undefined || participantId === undefined) return;
  const attributes: Record<string, string> = { ...(changes.attributes ?? {}) };
  if (changes.shortDescription !== undefined) attributes[ICC_DATA_KEYS.shortDescription] = changes.shortDescription;
  if (changes.caseRef !== undefined) attributes[ICC_DATA_KEYS.caseRef] = changes.caseRef;
  if (changes.accountRef !== undefined) attributes[ICC_DATA_KEYS.accountRef] = changes.accountRef;
  if (Object.keys(attributes).length > 0) await client.patchParticipantAttributes(record.vendorRef, participantId, attributes);
}
