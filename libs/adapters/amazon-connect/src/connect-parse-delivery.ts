import { ConnectAgentEvent, ConnectContactEvent, type ConnectDelivery } from './connect-schemas';

export type ParsedDelivery = { ok: true; delivery: ConnectDelivery } | { ok: false; reason: string };

function firstIssue(error: { issues: Array<{ path: PropertyKey[]; message: string }> }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/**
 * Reads one webhook body: an EventBridge "Amazon Connect Contact Event", or an agent event stream
 * record. Anything else (other detail-types, other sources, malformed JSON) is refused with the reason.
 */
export function parseConnectDelivery(rawBody: string): ParsedDelivery {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, reason: 'the body is not JSON' };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'the body is not a JSON object' };
  const fields = body as Record<string, unknown>;
  if ('detail-type' in fields) {
    if (fields['detail-type'] !== 'Amazon Connect Contact Event') {
      return { ok: false, reason: `unsupported detail-type ${JSON.stringify(fields['detail-type'])}` };
    }
    const parsed = ConnectContactEvent.safeParse(body);
    return parsed.success
      ? { ok: true, delivery: { stream: 'contact-events', event: parsed.data } }
      : { ok: false, reason: `contact event does not match the schema at ${firstIssue(parsed.error)}` };
  }
  if ('AgentARN' in fields && 'EventType' in fields) {
    const parsed = ConnectAgentEvent.safeParse(body);
    return parsed.success
      ? { ok: true, delivery: { stream: 'agent-events', event: parsed.data } }
      : { ok: false, reason: `agent event does not match the schema at ${firstIssue(parsed.error)}` };
  }
  return { ok: false, reason: 'neither a contact event nor an agent event' };
}
