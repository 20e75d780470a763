import { z } from 'zod';
import { ActiveCallContext } from './active-call-context';
import { IdleState } from './idle-state-context';
import { OfferContext } from './offer-context';
import { SearchTargetListContext } from './search-target-list-context';

/**
 * One `openFrameAPI.setICContext(Type, Context)` call. c_openFrameAPI.md § setICContext › Type lists
 * activeCall, idleState, offerContext and searchTargetList. (`agentSettings` is named only in the
 * OpenFrame store release notes 28.2.0, with no fields, so the bridge never sends it.)
 */
export const IcContextCall = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('activeCall'), context: ActiveCallContext }),
  z.strictObject({ type: z.literal('idleState'), context: IdleState }),
  z.strictObject({ type: z.literal('offerContext'), context: OfferContext }),
  z.strictObject({ type: z.literal('searchTargetList'), context: SearchTargetListContext }),
]);
export type IcContextCall = z.infer<typeof IcContextCall>;
export type IcContextType = IcContextCall['type'];
