import { z } from 'zod';

// c_openFrameAPI.md § setICContext › searchTargetList rows.

const MoreInfo = z.strictObject({ label: z.string(), value: z.string() });

/** § searchTargetList.targets.payload.list. */
const TargetListEntry = z
  .strictObject({
    hasStats: z.boolean().optional(),
    id: z.string().min(1),
    moreInfo: z.array(MoreInfo).optional(),
    name: z.string(),
    /** § …list.presence — agents only: available, away, busy, offline. */
    presence: z.enum(['available', 'away', 'busy', 'offline']).optional(),
  })
  .refine((entry) => entry.hasStats !== true || entry.moreInfo !== undefined, {
    message: 'moreInfo is required when hasStats is true',
    path: ['moreInfo'],
  });

/** § searchTargetList.targets.transferSubtypes — id and label must correspond. */
const TransferSubtype = z.union([
  z.strictObject({ id: z.literal('blind'), label: z.literal('Blind') }),
  z.strictObject({ id: z.literal('consult'), label: z.literal('Consult') }),
]);

const TargetType = z.enum(['agent', 'external', 'queue']);

/** § searchTargetList.targets. */
const Target = z.strictObject({
  payload: z.strictObject({ list: z.array(TargetListEntry) }),
  transferSubtypes: z.array(TransferSubtype).optional(),
  type: TargetType,
});

export const SearchTarget = z.strictObject({
  /** § searchTargetList.externalId — the call on the CCaaS system. */
  externalId: z.string().optional(),
  /** § searchTargetList.nowRecordId — Required. */
  nowRecordId: z.string().min(1),
  /** § searchTargetList.nowRecordTable — Required; only "interaction". */
  nowRecordTable: z.literal('interaction'),
  /** § searchTargetList.participantID. */
  participantID: z.string().optional(),
  /** § searchTargetList.quickStats — agent entries only. */
  quickStats: z.array(z.strictObject({ label: z.string(), value: z.string().optional() })).optional(),
  targets: z.array(Target),
  /** § searchTargetList.targetTypes — which Phone Directory tabs to show. */
  targetTypes: z.array(TargetType).optional(),
});
export type SearchTarget = z.infer<typeof SearchTarget>;

/** The `<Context>` of `setICContext("searchTargetList", …)`: wrapped, as in the page's example. */
export const SearchTargetListContext = z.strictObject({
  searchTargetList: z.array(SearchTarget),
  customPayload: z.record(z.string(), z.unknown()).optional(),
});
export type SearchTargetListContext = z.infer<typeof SearchTargetListContext>;
