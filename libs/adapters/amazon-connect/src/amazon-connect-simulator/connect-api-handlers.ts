import { http, type RequestHandler } from 'msw';
import { putUserStatus } from './agent-status';
import { routeContacts } from './contact-routing';
import { changeCustomerAddress, createCallbackContact, setRecording, stopContact } from './contact-lifecycle';
import { describeContact } from './describe-simulated-contact';
import type { SimulatedApiTraffic } from './simulated-api-traffic';
import type { SimulatedContact } from './simulated-instance';
import { requireContact, SimulatedApiError, type SimulatorContext } from './simulator-context';

const E164 = /^\+[1-9]\d{1,14}$/;
const SIGV4 = /^AWS4-HMAC-SHA256 Credential=[^/\s]+\/\d{8}\/([^/\s]+)\/connect\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/;

function text(body: Record<string, unknown>, field: string, required = true): string | undefined {
  const value = body[field];
  if (typeof value === 'string' && value !== '') return value;
  if (value === undefined && !required) return undefined;
  throw new SimulatedApiError(400, 'InvalidParameterException', `${field} is required and must be a non-empty string`);
}

function stringRecord(value: unknown, field: string): Record<string, string> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Object.values(value).some((entry) => typeof entry !== 'string')) {
    throw new SimulatedApiError(400, 'InvalidParameterException', `${field} must map strings to strings`);
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
    throw new SimulatedApiError(404, 'ResourceNotFoundException', `Instance ${String(instanceId)} not found`);
  }
}

function previewSeconds(strategy: unknown): number | undefined {
  const preview = (strategy as { Type?: unknown; Config?: { AgentFirst?: { Preview?: { PostAcceptTimeoutConfig?: { DurationInSeconds?: unknown } } } } } | undefined);
  if (preview === undefined) return undefined;
  const seconds = preview.Config?.AgentFirst?.Preview?.PostAcceptTimeoutConfig?.DurationInSeconds;
  if (preview.Type !== 'AGENT_FIRST' || typeof seconds !== 'number' || seconds < 0) {
    throw new SimulatedApiError(400, 'InvalidParameterException', 'OutboundStrategy must be AGENT_FIRST with a Preview PostAcceptTimeoutConfig');
  }
  return seconds;
}

function startOutboundVoiceContact(context: SimulatorContext, body: Record<string, unknown>) {
  const { instance } = context;
  requireInstance(context, body['InstanceId']);
  const flowId = text(body, 'ContactFlowId') as string;
  if (!instance.settings.contactFlowIds.includes(flowId)) throw new SimulatedApiError(404, 'ResourceNotFoundException', `Flow ${flowId} not found`);
  const destination = text(body, 'DestinationPhoneNumber') as string;
  if (!E164.test(destination)) throw new SimulatedApiError(400, 'InvalidParameterException', 'DestinationPhoneNumber must be E.164');
  const clientToken = text(body, 'ClientToken', false);
  const known = clientToken === undefined ? undefined : instance.clientTokens.get(clientToken);
  if (known !== undefined) return { ContactId: known };
  const queueId = text(body, 'QueueId', false);
  if (queueId === undefined) {
    throw new SimulatedApiError(400, 'InvalidParameterException', 'The queued-callback flow needs a QueueId');
  }
  if (!instance.queues.has(queueId)) throw new SimulatedApiError(404, 'ResourceNotFoundException', `Queue ${queueId} not found`);
  const ringTimeout = body['RingTimeoutInSeconds'];
  const related = text(body, 'RelatedContactId', false);
  const seconds = previewSeconds(body['OutboundStrategy']);
  const contact = createCallbackContact(context, {
    queueId,
    customerAddress: destination,
    attributes: stringRecord(body['Attributes'], 'Attributes'),
    ringTimeoutSeconds: typeof ringTimeout === 'number' ? ringTimeout : 60,
    ...(seconds !== undefined ? { previewSeconds: seconds } : {}),
    ...(related !== undefined ? { relatedContactId: related } : {}),
  });
  if (clientToken !== undefined) instance.clientTokens.set(clientToken, contact.id);
  return { ContactId: contact.id };
}

/** The contacts sharing attributes with `initialContactId` (Connect keeps attributes per initial contact). */
function contactChain(context: SimulatorContext, initialContactId: string): SimulatedContact[] {
  const chain = [...context.instance.contacts.values()].filter(
    (contact) => contact.id === initialContactId || contact.initialContactId === initialContactId,
  );
  if (chain.length === 0) throw new SimulatedApiError(404, 'ResourceNotFoundException', `Contact ${initialContactId} not found`);
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
    http.put(`${baseUrl}/contact/outbound-voice`, api('StartOutboundVoiceContact', (body) => startOutboundVoiceContact(context, body))),
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
        requireContact(context, text(body, 'ContactId') as string);
        throw new SimulatedApiError(400, 'InvalidRequestException', 'Transfer is only supported for TASK and EMAIL contacts');
      }),
    ),
    http.post(
      `${baseUrl}/contact/attributes`,
      api('UpdateContactAttributes', (body) => {
        requireInstance(context, body['InstanceId']);
        const attributes = stringRecord(body['Attributes'], 'Attributes');
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
      `${baseUrl}/contacts/:instanceId/:contactId`,
      api('UpdateContact', (body, params) => {
        requireInstance(context, params['instanceId']);
        const contact = requireContact(context, params['contactId'] as string);
        const endpoint = body['CustomerEndpoint'] as { Type?: unknown; Address?: unknown } | undefined;
        if (endpoint !== undefined) {
          if (endpoint.Type !== 'TELEPHONE_NUMBER' || typeof endpoint.Address !== 'string' || !E164.test(endpoint.Address)) {
            throw new SimulatedApiError(400, 'InvalidParameterException', 'CustomerEndpoint must be a TELEPHONE_NUMBER in E.164');
          }
          changeCustomerAddress(contact, endpoint.Address);
        }
        return {};
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
    http.put(
      `${baseUrl}/users/:instanceId/:userId/status`,
      api('PutUserStatus', (body, params) => {
        requireInstance(context, params['instanceId']);
        const user = context.instance.users.get(params['userId'] as string);
        if (!user) throw new SimulatedApiError(404, 'ResourceNotFoundException', `User ${String(params['userId'])} not found`);
        const statusId = text(body, 'AgentStatusId') as string;
        if (!context.instance.statuses.has(statusId)) throw new SimulatedApiError(404, 'ResourceNotFoundException', `Agent status ${statusId} not found`);
        putUserStatus(context, user, statusId);
        routeContacts(context);
        return {};
      }),
    ),
  ];
}
