/**
 * Keys of the ICC context the adapter writes into the callback's `data` (Genesys shows them as
 * participant `attributes`, so scripts and screen pops can use them). The ids map every later
 * notification about the conversation back to its ICC interaction.
 */
export const ICC_DATA_KEYS = {
  callbackId: 'iccCallbackId',
  interactionId: 'iccInteractionId',
  callbackNumber: 'iccCallbackNumber',
  reason: 'iccReason',
  shortDescription: 'iccShortDescription',
  caseRef: 'iccCaseRef',
  accountRef: 'iccAccountRef',
  ivrPath: 'iccIvrPath',
} as const;
