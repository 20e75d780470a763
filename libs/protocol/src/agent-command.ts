import { z } from 'zod';
import { CallbackReason } from './callback-reason';
import { E164PhoneNumber } from './e164-phone-number';
import { AgentId, InteractionId } from './identifiers';
import { Instant } from './instant';
import { CallTransferTarget, TransferTarget } from './transfer-target';
import { WrapUp } from './wrap-up';
import { withoutKey } from './without-key';

function command<Type extends string, Shape extends z.ZodRawShape>(type: Type, shape: Shape) {
  const id = type
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
  return z.strictObject({ type: z.literal(type), interactionId: InteractionId, ...shape }).meta({ id: `${id}Command` });
}

export const AGENT_COMMAND_SCHEMAS = [
  command('accept', {}),
  command('reject', {}),
  /** Call number: dial the number chosen in the Callback number drop-down. */
  command('dial', { phoneNumber: E164PhoneNumber }),
  /** Retry call after no answer; defaults to the last number dialed. */
  command('redial', { phoneNumber: E164PhoneNumber.optional() }),
  command('hold', {}),
  command('resume', {}),
  command('mute', {}),
  command('unmute', {}),
  command('record-start', {}),
  command('record-stop', {}),
  command('send-dtmf', { digits: z.string().regex(/^[0-9*#A-D]{1,32}$/, 'Digits 0-9, *, #, A-D (1-32 keys)') }),
  command('transfer-callback', { target: TransferTarget }),
  command('cancel-transfer', {}),
  /** Blind transfer of the live call: `target` (agent, queue or outside number); `agentId` alone is the older agent-only form. */
  command('transfer-call', { target: CallTransferTarget.optional(), agentId: AgentId.optional() }),
  command('consult-call', { agentId: AgentId }),
  command('merge-calls', {}),
  command('leave-and-transfer', {}),
  command('cancel-consult', {}),
  command('escalate', { escalated: z.boolean() }),
  command('end-call', {}),
  command('submit-wrap-up', { wrapUp: WrapUp }),
  /** More after-call work: pushes the automatic close (`autoCloseAt`) back by `seconds`. */
  command('extend-wrap-up', { seconds: z.number().int().min(30).max(600) }),
  /** Close callback: before dialing when the issue is already solved, or after no answer. */
  command('close-callback', { reason: CallbackReason.optional(), notes: z.string().max(4000).optional() }),
  command('reschedule', { start: Instant, windowEnd: Instant.optional(), assignedAgentId: AgentId.optional() }),
] as const;

/** Same rule as `RescheduleCallbackRequest`; on the union because refined objects cannot be `omit`ted. */
function rescheduleWindowEndsAfterStart(command: Record<string, unknown>): boolean {
  if (command['type'] !== 'reschedule' || typeof command['windowEnd'] !== 'string') return true;
  return Date.parse(command['windowEnd']) > Date.parse(String(command['start']));
}
const rescheduleWindowIssue = { message: 'windowEnd must be after start', path: ['windowEnd'] };

/** `transfer-call` names exactly one destination: `target`, or the older `agentId`. */
function transferCallNamesOneTarget(command: Record<string, unknown>): boolean {
  if (command['type'] !== 'transfer-call') return true;
  return (command['target'] === undefined) !== (command['agentId'] === undefined);
}
const transferCallTargetIssue = { message: 'Give either target or agentId', path: ['target'] };

export const AgentCommand = z
  .discriminatedUnion('type', AGENT_COMMAND_SCHEMAS)
  .refine(rescheduleWindowEndsAfterStart, rescheduleWindowIssue)
  .refine(transferCallNamesOneTarget, transferCallTargetIssue)
  .meta({ id: 'AgentCommand' });
export type AgentCommand = z.infer<typeof AgentCommand>;
export type AgentCommandType = AgentCommand['type'];
export type AgentCommandOf<Type extends AgentCommandType> = Extract<AgentCommand, { type: Type }>;

export const AGENT_COMMAND_TYPES = AGENT_COMMAND_SCHEMAS.map((schema) => schema.shape.type.value) as AgentCommandType[];

/** Body of `POST /v1/interactions/:id/commands`: the command without its interactionId. */
export const InteractionCommandRequest = z
  .discriminatedUnion(
    'type',
    withoutKey(AGENT_COMMAND_SCHEMAS, 'interactionId') as unknown as [
      z.ZodObject,
      ...z.ZodObject[],
    ],
  )
  .refine(rescheduleWindowEndsAfterStart, rescheduleWindowIssue)
  .refine(transferCallNamesOneTarget, transferCallTargetIssue)
  .meta({ id: 'InteractionCommandRequest' });
