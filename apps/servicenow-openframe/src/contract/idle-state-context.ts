import { z } from 'zod';

// c_openFrameAPI.md § setICContext › idleState rows. The context is passed bare, as in the page's idleState example.

/** § idleState.capability (the outline spells globalContactSearch; the row title has a typo). */
const IdleCapability = z.strictObject({
  globalContactSearch: z.boolean().optional(),
  logOut: z.boolean().optional(),
  outBoundCall: z.boolean().optional(),
  outboundQueueSelection: z.boolean().optional(),
  phoneDirectory: z.boolean().optional(),
});

/** § idleState.enableState — the rows list these three (the page's example also sends phoneDirectory). */
const IdleEnableState = z.strictObject({
  logOut: z.boolean().optional(),
  outBoundCall: z.boolean().optional(),
  outboundQueueSelection: z.boolean().optional(),
});

export const IdleState = z.strictObject({
  capability: IdleCapability.optional(),
  /** § idleState.currentInboundId — provider application for outbound interactions. */
  currentInboundId: z.string().optional(),
  /** § idleState.dialpadInfoMessage — free-form label and value on the dial pad. */
  dialpadInfoMessage: z.strictObject({ label: z.string().optional(), value: z.string().optional() }).optional(),
  enableState: IdleEnableState.optional(),
});
export type IdleState = z.infer<typeof IdleState>;
