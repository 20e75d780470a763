import { http, type RequestHandler } from 'msw';
import { putUserStatus } from './agent-status';
import { dismissMissedContact, routeContacts } from './contact-routing';
import { createTaskContact, setRecording, stopContact } from './contact-lifecycle';
import { currentMetricData } from './current-metrics';
import { describeContact } from './describe-simulated-contact';
import type { SimulatedApiTraffic } from './simulated-api-traffic';
import type { SimulatedContact } from './simulated-instance';
import { connectApiError } from './connect-error-statuses';
import { SimulatedApiError } from './connect-error-statuses';
import { requireContact, type SimulatorContext } from './simulator-context';

const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[^/\s]+\/\d{8}\/([^/\s]+)\/connect\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

function text(body: Record<string, unknown>, field: string, required = true): string | undefined {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  if (value === undefined && !required) return undefined;
  throw connectApiError('InvalidParameterException', `${field} is required and must be a non-empty string`);
}

function stringRecord(value: unknown, field: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Object.values(value).some((entry) => typeof entry !== 'string')) {
    throw connectApiError('InvalidParameterException', `${field} must map strings to strings`);
  }
  return value as Record<string, string>;
}

/** Connect answers requests the SDK did not sign (or signed for another service/region) with 403. */
function requireSignature(context: SimulatorContext, request: Request): void {
  const scope = SIGV4.exec(request.headers.get('authorization') ?? '');
  if (!scope || !request.headers.get('x-amz-date')) {
    throw new SimulatedApiError(403, 'MissingAuthenticationTokenException', 'Missing or malformed SigV4 Authorization header');
  }
  if (scope[1] !== context.instance.settings.region) {
    throw new SimulatedApiError(403, 'InvalidSignatureException', `Credential should be scoped to region ${context.instance.settings.region}`);
  }
}

function requireInstance(context: SimulatorContext, instanceId: unknown): void {
  if (instanceId !== context.instance.settings.instanceId) {
    throw connectApiError('ResourceNotFoundException', `Instance ${String(instanceId)} not found`);
  }
}

/** ClientToken: "The token is valid for 7 days after creation" (StartTaskContact, service model). */
export const CLIENT_TOKEN_VALID_MS = 7 * 24 * 3600 * 1000;
/** ScheduledTime: "cannot be in the past. It must be within up to 6 days in future" (StartTaskContact, service model). */
const SCHEDULE_AHEAD_MAX_MS = 6 * 24 * 3600 * 1000;
const ATTRIBUTE_KEY = /^[A-Za-z0-9_-]+$/;
const ATTRIBUTES_MAX_BYTES = 32_768;

/** "Attribute keys can include only alphanumeric, dash, and underscore characters", up to 32,768 UTF-8 bytes per contact (service model). */
function contactAttributes(value: unknown): Record<string, string> {
  const attributes = stringRecord(value, 'Attributes');
  const badKey = Object.keys(attributes).find((key) => !ATTRIBUTE_KEY.test(key));
  if (badKey !== undefined) throw connectApiError('InvalidParameterException', `Attribute key ${badKey} may hold only alphanumerics, - and _`);
  const bytes = Object.entries(attributes).reduce((sum, [key, text]) => sum + Buffer.byteLength(key) + Buffer.byteLength(text), 0);
  if (bytes > ATTRIBUTES_MAX_BYTES) throw connectApiError('InvalidParameterException', `Attributes hold ${bytes} bytes; at most ${ATTRIBUTES_MAX_BYTES}`);
  return attributes;
}

function startTaskContact(context: SimulatorContext, body: Record<string, unknown>) {
  const { instance } = context;
  requireInstance(context, body['InstanceId']);
  text(body, 'Name');
  const flowId = text(body, 'ContactFlowId') as string;
  if (!instance.settings.contactFlowIds.includes(flowId)) throw connectApiError('ResourceNotFoundException', `Flow ${flowId} not found`);
  const now = instance.clock.now();
  const clientToken = text(body, 'ClientToken', false);
  const known = clientToken === undefined ? undefined : instance.clientTokens.get(clientToken);
  if (known !== undefined && now - known.at < CLIENT_TOKEN_VALID_MS) return { ContactId: known.contactId };
  const attributes = contactAttributes(body['Attributes']);
  // The callback-task flow's Set working queue block reads the queue from this attribute.
  const queueId = attributes['iccConnectQueueId'];
  if (queueId === undefined) throw connectApiError('InvalidParameterException', 'The callback-task flow needs the iccConnectQueueId attribute');
  if (!instance.queues.has(queueId)) throw connectApiError('ResourceNotFoundException', `Queue ${queueId} not found`);
  const scheduled = body['ScheduledTime'];
  let scheduledAt: number | undefined;
  if (scheduled !== undefined) {
    // REST-JSON timestamps are epoch seconds.
    if (typeof scheduled !== 'number') throw connectApiError('InvalidParameterException', 'ScheduledTime must be epoch seconds');
    scheduledAt = scheduled * 1000;
    if (scheduledAt < now - 1000 || scheduledAt > now + SCHEDULE_AHEAD_MAX_MS) {
      throw connectApiError('InvalidParameterException', 'ScheduledTime cannot be in the past and must be within 6 days');
    }
  }
  const related = text(body, 'RelatedContactId', false);
  const contact = createTaskContact(context, {
    queueId,
    attributes,
    ...(scheduledAt !== undefined ? { scheduledAt } : {}),
    ...(related !== undefined ? { relatedContactId: related } : {}),
  });
  if (clientToken !== undefined) instance.clientTokens.set(clientToken, { contactId: contact.id, at: now });
  return { ContactId: contact.id };
}

/** The contacts sharing attributes with `initialContactId` (Connect keeps attributes per initial contact). */
function contactChain(context: SimulatorContext, initialContactId: string): SimulatedContact[] {
  const chain = [...context.instance.contacts.values()].filter(
    (contact) => contact.id === initialContactId || contact.initialContactId === initialContactId,
  );
  if (chain.length === 0) throw connectApiError('ResourceNotFoundException', `Contact ${initialContactId} not found`);
  return chain;
}

/** msw handlers for the Connect operations the adapter calls, at the REST-JSON paths the SDK sends. */
export function createConnectApiHandlers(context: SimulatorContext, traffic: SimulatedApiTraffic, baseUrl: string): RequestHandler[] {
  const api = (operation: string, work: (body: Record<string, unknown>, params: Record<string, string>) => unknown) =>
    (info: { request: Request; params: Record<string, string | readonly string[] | undefined> }) =>
      traffic.answer(operation, info.request, (body) => {
        requireSignature(context, info.request);
        return work(body, info.params as Record<string, string>);
      });
  return [
    http.put(`${baseUrl}/contact/task`, api('StartTaskContact', (body) => startTaskContact(context, body))),
    http.post(
      `${baseUrl}/contact/stop`,
      api('StopContact', (body) => {
        requireInstance(context, body['InstanceId']);
        stopContact(context, requireContact(context, text(body, 'ContactId') as string));
        return {};
      }),
    ),
    http.post(
      `${baseUrl}/contact/transfer`,
      api('TransferContact', (body) => {
        requireInstance(context, body['InstanceId']);
        const contact = requireContact(context, text(body, 'ContactId') as string);
        // "Transfer is supported for only TASK contacts" (TransferContact, service model); the simulator does not model task transfers.
        const why = contact.channel === 'TASK' ? 'The simulator does not model transfers' : 'Transfer is supported for only TASK contacts';
        throw connectApiError('InvalidRequestException', why);
      }),
    ),
    http.post(
      `${baseUrl}/contact/attributes`,
      api('UpdateContactAttributes', (body) => {
        requireInstance(context, body['InstanceId']);
        const attributes = contactAttributes(body['Attributes']);
        const chain = contactChain(context, text(body, 'InitialContactId') as string);
        for (const contact of chain) Object.assign(contact.attributes, attributes);
        const latest = chain.at(-1) as SimulatedContact;
        context.events.contactEvent(latest, 'CONTACT_DATA_UPDATED', { updatedProperties: ['UserDefinedAttributes'] });
        return {};
      }),
    ),
    http.get(
      `${baseUrl}/contact/attributes/:instanceId/:initialContactId`,
      api('GetContactAttributes', (_body, params) => {
        requireInstance(context, params['instanceId']);
        const first = contactChain(context, params['initialContactId'] as string)[0] as SimulatedContact;
        return { Attributes: first.attributes };
      }),
    ),
    http.get(
      `${baseUrl}/contacts/:instanceId/:contactId`,
      api('DescribeContact', (_body, params) => {
        requireInstance(context, params['instanceId']);
        return { Contact: describeContact(context.instance, requireContact(context, params['contactId'] as string)) };
      }),
    ),
    http.post(
      `${baseUrl}/contact/start-recording`,
      api('StartContactRecording', (body) => {
        requireInstance(context, body['InstanceId']);
        setRecording(requireContact(context, text(body, 'ContactId') as string), true);
        return {};
      }),
    ),
    http.post(
      `${baseUrl}/contact/stop-recording`,
      api('StopContactRecording', (body) => {
        requireInstance(context, body['InstanceId']);
        setRecording(requireContact(context, text(body, 'ContactId') as string), false);
        return {};
      }),
    ),
    http.post(
      `${baseUrl}/metrics/current/:instanceId`,
      api('GetCurrentMetricData', (body, params) => {
        requireInstance(context, params['instanceId']);
        return currentMetricData(context, body);
      }),
    ),
    http.post(
      `${baseUrl}/users/:instanceId/:userId/contact`,
      api('DismissUserContact', (body, params) => {
        requireInstance(context, params['instanceId']);
        const user = context.instance.users.get(params['userId'] as string);
        if (!user) throw connectApiError('ResourceNotFoundException', `User ${String(params['userId'])} not found`);
        const contactId = text(body, 'ContactId') as string;
        requireContact(context, contactId);
        if (!dismissMissedContact(context, user, contactId)) {
          throw connectApiError('InvalidRequestException', `Contact ${contactId} is not MISSED on the CCP of user ${user.id}`);
        }
        return {};
      }),
    ),
    http.put(
      `${baseUrl}/users/:instanceId/:userId/status`,
      api('PutUserStatus', (body, params) => {
        requireInstance(context, params['instanceId']);
        const user = context.instance.users.get(params['userId'] as string);
        if (!user) throw connectApiError('ResourceNotFoundException', `User ${String(params['userId'])} not found`);
        const statusId = text(body, 'AgentStatusId') as string;
        if (!context.instance.statuses.has(statusId)) throw connectApiError('ResourceNotFoundException', `Agent status ${statusId} not found`);
        putUserStatus(context, user, statusId);
        routeContacts(context);
        return {};
      }),
    ),
  ];
}
