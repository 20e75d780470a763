import { z } from 'zod';
import { OfferCreationTime, RssTime } from './open-frame-time';

// c_openFrameAPI.md § setICContext › offerContext rows (and its Returns rows for the AWA_* errors).

/** § offerContext.assignment. */
export const OfferAssignment = z.strictObject({
  /** § offerContext.assignment.allowedToDecline — Required. */
  allowedToDecline: z.boolean(),
  /** § offerContext.assignment.enableAutoAssign — Required. */
  enableAutoAssign: z.boolean(),
  /** § offerContext.assignment.offeredOn — "Www, dd Mmm yyyy HH:mm:ss GMT" (AWA_ASSIGNMENT_OFFEREDON_INVALID_FORMAT). */
  offeredOn: RssTime.optional(),
  /** § offerContext.assignment.timeout — milliseconds, as a string. */
  timeout: z.string().regex(/^\d+$/, 'milliseconds as a string').optional(),
});

/** § offerContext.transferContent — transfer assignments only. */
export const OfferTransferContent = z.strictObject({
  sourceQueueId: z.string().optional(),
  targetId: z.string().optional(),
  targetType: z.enum(['agent', 'queue']).optional(),
  transferType: z.enum(['blind', 'consult']).optional(),
});

/** One offer. */
export const Offer = z
  .strictObject({
    /** § offerContext.assignment (AWA_OFFER_ASSIGNMENT_PAYLOAD_MISSING when absent). */
    assignment: OfferAssignment,
    /** § offerContext.creationTime — Optional; UTC YYYY-MM-DDTHH:MM:SS. */
    creationTime: OfferCreationTime.optional(),
    /** § offerContext.description — Optional. */
    description: z.string().optional(),
    /** § offerContext.displayContent — Optional; free JSON shown on screen. */
    displayContent: z.record(z.string(), z.string()).optional(),
    /** § offerContext.externalId (AWA_OFFER_EXTERNALID_MISSING when absent). */
    externalId: z.string().min(1),
    /** § offerContext JSON outline: externalSegmentId. */
    externalSegmentId: z.string().optional(),
    /** § offerContext.isResilient — Optional, default true. */
    isResilient: z.boolean().optional(),
    /** § offerContext.metadata — Optional, free JSON. */
    metadata: z.record(z.string(), z.unknown()).optional(),
    /** § offerContext.nowRecordId — Required. */
    nowRecordId: z.string().min(1),
    /** § offerContext.nowRecordTable — Optional. */
    nowRecordTable: z.string().optional(),
    /** § offerContext.providerAppInboundId — Optional. */
    providerAppInboundId: z.string().optional(),
    /** § offerContext.queueId — required for regular (non-transfer) assignments. */
    queueId: z.string().min(1).optional(),
    /** § offerContext.requesterId — Required; for voice, the caller's phone number. */
    requesterId: z.string().min(1),
    transferContent: OfferTransferContent.optional(),
    /** § offerContext.type — call, callback request, voicemail. */
    type: z.enum(['call', 'callback request', 'voicemail']).optional(),
  })
  .refine((offer) => offer.queueId !== undefined || offer.transferContent?.targetId !== undefined, {
    message: 'queueId is required for a regular assignment (transferContent.targetId for a transfer)',
    path: ['queueId'],
  });
export type Offer = z.infer<typeof Offer>;

/** The `<Context>` of `setICContext("offerContext", …)`: a wrapped list, as in the page's offerContext example. */
export const OfferContext = z.strictObject({ offerContext: z.array(Offer) });
export type OfferContext = z.infer<typeof OfferContext>;
