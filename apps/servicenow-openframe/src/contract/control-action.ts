import { z } from 'zod';

/**
 * The `interaction_control_action` event (c_openFrameAPI.md § subscribe › event): ServiceNow calls the
 * subscriber with an action object read as `action.name` and `action.payload` (the page's example).
 * Input from ServiceNow, so extra fields are tolerated (loose), unlike what the bridge sends.
 */
export const ControlActionEnvelope = z.looseObject({ name: z.string().min(1), payload: z.unknown().optional() });
export type ControlActionEnvelope = z.infer<typeof ControlActionEnvelope>;

/**
 * Action names. DOCUMENTED: the subscribe example dispatches on `mute`, `getSearchTarget` and `logout`.
 * INFERRED (not published): the page documents no list of action names; the bridge assumes every
 * other action is named after the capability that enables its button (§ activeCall.currentParticipant
 * .capabilities.*), as `mute` is. `cancelCallbackTransfer` is the cancel button that
 * `cancelCallbackTransferEligible` enables. Unverified against an instance — see docs/servicenow.md.
 */
export const DOCUMENTED_ACTION_NAMES = ['mute', 'getSearchTarget', 'logout'] as const;
export const INFERRED_ACTION_NAMES = [
  'initiateCall',
  'closeCallback',
  'transfer',
  'cancelCallbackTransfer',
  'hold',
  'endCall',
  'dtmf',
  'startRecording',
  'stopRecording',
  'pauseRecording',
  'resumeRecording',
  'mergeCall',
  'leaveAndTransfer',
  'flag',
] as const;
/** Toolbar buttons named in implement-overflow-menu-icc.md (toolbarLayoutOrder values) with no ICC command. */
export const TOOLBAR_ONLY_ACTION_NAMES = ['wrapUpInitiated', 'help_request'] as const;

/** § subscribe example: `action.payload.searchType == "queue" ? …queue list : …agent list`, with `searchTerm`. */
export const GetSearchTargetPayload = z.looseObject({
  searchType: z.string().optional(),
  searchTerm: z.string().optional(),
});

/**
 * Which call an action is for. INFERRED: the page does not say; the bridge reads `externalId` (the id
 * it sent as activeCall.externalId) when present, else acts on the one open call.
 */
const CallReference = { externalId: z.string().optional() };

/**
 * Call number / Retry call with the number picked in the Callback number drop-down. INFERRED field
 * names: the OpenFrame release notes 27.2.1 name `targetAddress` and `phoneNumber` for an
 * outboundCallInitiated payload; both are read.
 */
export const InitiateCallPayload = z.looseObject({
  ...CallReference,
  phoneNumber: z.string().optional(),
  targetAddress: z.string().optional(),
});

/**
 * Transfer callback / transfer call to a target the agent picked from searchTargetList. INFERRED field
 * names, borrowed from the documented offerContext.transferContent (targetId, targetType, transferType).
 */
export const TransferPayload = z.looseObject({
  ...CallReference,
  targetId: z.string().min(1),
  targetType: z.enum(['agent', 'queue']),
  transferType: z.enum(['blind', 'consult']).optional(),
});

/** Keypad digits. INFERRED field name `digits`. */
export const DtmfPayload = z.looseObject({ ...CallReference, digits: z.string().min(1) });

/** Any other action: only the call reference is read. */
export const CallActionPayload = z.looseObject(CallReference);
