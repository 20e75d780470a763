import { callbackReasonLabel, type Callback, type ContextCard } from '@icc/protocol';

/** The callback context card an agent previews before dialing. */
export function buildContextCard(callback: Callback, queueName: string, attempt: number): ContextCard {
  const card: ContextCard = {
    callbackNumber: callback.number,
    customerName: `${callback.customer.firstName} ${callback.customer.lastName}`,
    phoneNumbers: callback.customer.phoneNumbers,
    customerTimeZone: callback.customer.timeZone,
    locale: callback.customer.locale,
    queueId: callback.queueId,
    queueName,
    mode: callback.mode,
    type: callback.schedule.type,
    reason: callback.reason,
    reasonLabel: callbackReasonLabel(callback.reason),
    shortDescription: callback.shortDescription,
    ivrPath: callback.ivrPath,
    attributes: callback.attributes,
    requestedAt: callback.requestedAt,
    attempt,
    maxAttempts: callback.retryPolicy.maxAttempts,
  };
  if (callback.description !== undefined) card.description = callback.description;
  if (callback.notes !== undefined) card.notes = callback.notes;
  if (callback.caseRef !== undefined) card.caseRef = callback.caseRef;
  if (callback.accountRef !== undefined) card.accountRef = callback.accountRef;
  if (callback.schedule.type === 'scheduled') card.scheduledAt = callback.schedule.start;
  return card;
}
