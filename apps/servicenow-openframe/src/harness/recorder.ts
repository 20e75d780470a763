import type { ActiveCallContext } from '../contract/active-call-context';
import { IcContextCall, type IcContextType } from '../contract/ic-context-call';
import type { IdleState } from '../contract/idle-state-context';
import type { OfferContext } from '../contract/offer-context';
import type { SearchTargetListContext } from '../contract/search-target-list-context';

/** One openFrameAPI call the OpenFrame app made, as the host page received it. */
export interface RecordedCall {
  method: string;
  args: unknown[];
}

export interface LatestContexts {
  activeCall?: ActiveCallContext;
  offerContext?: OfferContext;
  idleState?: IdleState;
  searchTargetList?: SearchTargetListContext;
}

/** The recorder half of the host page: every call kept, every setICContext checked against the documented schemas. */
export interface Recorder {
  readonly calls: RecordedCall[];
  /** One line per setICContext call the schemas refused (type and zod issues). */
  readonly violations: string[];
  readonly latest: LatestContexts;
  /** setICContext types in the order they arrived. */
  readonly contextOrder: IcContextType[];
  record(call: RecordedCall): void;
}

export function createRecorder(): Recorder {
  const calls: RecordedCall[] = [];
  const violations: string[] = [];
  const latest: LatestContexts = {};
  const contextOrder: IcContextType[] = [];
  return {
    calls,
    violations,
    latest,
    contextOrder,
    record(call) {
      calls.push(call);
      if (call.method !== 'setICContext') return;
      const [type, context] = call.args;
      const checked = IcContextCall.safeParse({ type, context });
      if (!checked.success) {
        const issues = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        violations.push(`setICContext(${JSON.stringify(type)}): ${issues}`);
        return;
      }
      contextOrder.push(checked.data.type);
      (latest as Record<string, unknown>)[checked.data.type] = checked.data.context;
    },
  };
}
