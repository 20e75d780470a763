import type { ParsedPush } from '@icc/adapter-kit';
import { ConnectAgentEvent, ConnectContactEvent, type ConnectDelivery } from './connect-schemas';

const firstIssue = ({ issues }: { issues: Array<{ path: PropertyKey[]; message: string }> }) =>
  issues[0] ? `${issues[0].path.map(String).join('.') || '(root)'}: ${issues[0].message}` : 'invalid';

/**
 * Reads one webhook body: an EventBridge "Amazon Connect Contact Event", or an agent event stream
 * record; its id is the stream's and the event's. Anything else (other detail-types, other
 * sources, malformed JSON) is refused with the reason.
 */
export function parseConnectDelivery(rawBody: string): ParsedPush<ConnectDelivery> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'the body is not a JSON object' };
  if ('detail-type' in body) {
    if (body['detail-type'] !== 'Amazon Connect Contact Event') return { ok: false, reason: `unsupported detail-type ${JSON.stringify(body['detail-type'])}` };
    const parsed = ConnectContactEvent.safeParse(body);
    if (!parsed.success) return { ok: false, reason: `contact event does not match the schema at ${firstIssue(parsed.error)}` };
    return { ok: true, delivery: { stream: 'contact-events', event: parsed.data }, id: `contact-events:${parsed.data.id}` };
  }
  if (!('AgentARN' in body && 'EventType' in body)) return { ok: false, reason: 'neither a contact event nor an agent event' };
  const parsed = ConnectAgentEvent.safeParse(body);
  if (!parsed.success) return { ok: false, reason: `agent event does not match the schema at ${firstIssue(parsed.error)}` };
  return { ok: true, delivery: { stream: 'agent-events', event: parsed.data }, id: `agent-events:${parsed.data.EventId}` };
}
