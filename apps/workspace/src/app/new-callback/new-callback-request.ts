import { CreateCallbackRequest, type CallbackReasonCode, type CreateCallbackRequestInput } from '@icc/protocol';
import { localInputToInstant } from '../interaction/reschedule-form';

/** What the agent typed in New callback. */
export interface NewCallbackFields {
  queueId: string;
  firstName: string;
  lastName: string;
  /** One or more E.164 numbers, separated by commas or spaces. */
  phoneNumbers: string;
  timeZone: string;
  reason: CallbackReasonCode;
  shortDescription: string;
  notes: string;
  /** `datetime-local` value (the agent's clock); empty means as soon as possible. */
  start: string;
  keepForMe: boolean;
}

export type NewCallbackProblems = Partial<Record<keyof NewCallbackFields, string>>;

/** Which form field an issue of the request's schema belongs to. */
function fieldOf(path: readonly PropertyKey[]): keyof NewCallbackFields | undefined {
  const [first, second] = path.map(String);
  if (first === 'customer') {
    if (second === 'firstName' || second === 'lastName' || second === 'timeZone') return second;
    if (second === 'phoneNumbers') return 'phoneNumbers';
  }
  if (first === 'schedule') return 'start';
  if (first === 'queueId' || first === 'shortDescription' || first === 'notes' || first === 'reason') return first;
  return undefined;
}

/**
 * The body of `POST /v1/callbacks` for a customer on the phone now (source `agent`), or the
 * problems to fix, each on its field, checked by the same schema the gateway uses.
 */
export function newCallbackRequest(
  fields: NewCallbackFields,
  meId: string,
  now: number,
): { request: CreateCallbackRequestInput } | { problems: NewCallbackProblems } {
  const start = localInputToInstant(fields.start);
  const problems: NewCallbackProblems = {};
  if (fields.start !== '' && start === undefined) problems.start = 'Enter a date and time.';
  if (start !== undefined && Date.parse(start) <= now) problems.start = 'The time must be in the future.';
  const notes = fields.notes.trim();
  const request: CreateCallbackRequestInput = {
    queueId: fields.queueId,
    customer: {
      firstName: fields.firstName,
      lastName: fields.lastName,
      phoneNumbers: fields.phoneNumbers.split(/[\s,;]+/).filter((number) => number !== ''),
      timeZone: fields.timeZone.trim(),
    },
    reason: { code: fields.reason },
    shortDescription: fields.shortDescription,
    ...(notes !== '' ? { notes } : {}),
    schedule: start === undefined ? { type: 'asap' } : { type: 'scheduled', start },
    source: 'agent',
    ...(fields.keepForMe ? { assignedAgentId: meId } : {}),
  };
  const parsed = CreateCallbackRequest.safeParse(request);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (field && problems[field] === undefined) problems[field] = issue.message;
    }
    if (Object.keys(problems).length === 0) problems.shortDescription = parsed.error.issues[0]?.message ?? 'Check the fields.';
  }
  return Object.keys(problems).length > 0 ? { problems } : { request };
}
