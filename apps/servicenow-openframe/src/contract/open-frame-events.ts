import { z } from 'zod';

// c_openFrameAPI.md § subscribe › results. Inputs from ServiceNow: loose objects.

/** § openframe_wrap_up_submitted — fires when an external wrap-up ends in the wrap-up dialog. */
export const WrapUpSubmittedEvent = z.looseObject({
  wrapUp: z.looseObject({
    external: z.boolean().optional(),
    externalSegmentId: z.string().optional(),
    /** sys_id of the Interaction record under wrap-up. */
    recordId: z.string().optional(),
    recordTable: z.string().optional(),
    wrapUpCode: z.string().optional(),
    wrapUpNotes: z.string().optional(),
    wrapUpSegmentId: z.string().optional(),
  }),
});
export type WrapUpSubmittedEvent = z.infer<typeof WrapUpSubmittedEvent>;

const WorkItem = z.looseObject({
  sys_id: z.string().optional(),
  document: z.looseObject({ sys_id: z.string(), table: z.string().optional() }),
  rejection: z.looseObject({ reason: z.string().optional(), sys_id: z.string().optional() }).optional(),
});

/**
 * § openframe_awa_workitem_accepted / _offered / _rejected — the page's samples wrap the work item in
 * `result` (accepted) and in `payload` (rejected); both are read.
 */
const Wrapped = z.looseObject({ workItem: WorkItem });
export const WorkItemEvent = z
  .looseObject({ result: Wrapped.optional(), payload: Wrapped.optional() })
  .refine((event) => event.result !== undefined || event.payload !== undefined, { message: 'no workItem in result or payload' });
export type WorkItemEvent = z.infer<typeof WorkItemEvent>;

export function workItemOf(event: WorkItemEvent): z.infer<typeof WorkItem> {
  const wrapped = event.result ?? event.payload;
  if (!wrapped) throw new Error('unreachable: WorkItemEvent has result or payload');
  return wrapped.workItem;
}

/** § subscribe › openframe_awa_agent_presence: `{ result: { presence: { available, name, … } } }` (the page's sample output). */
export const AgentPresenceEvent = z.looseObject({
  result: z.looseObject({ presence: z.looseObject({ available: z.boolean(), name: z.string().optional() }) }),
});
