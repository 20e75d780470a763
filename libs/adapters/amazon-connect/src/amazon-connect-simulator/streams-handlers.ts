import { connectApiError } from './connect-error-statuses';
import { http, type RequestHandler } from 'msw';
import { acceptContact, agentConnect } from './contact-calls';
import { clearContact, endContact, sendDigits, setHeld } from './contact-lifecycle';
import { missContact } from './contact-routing';
import type { SimulatedApiTraffic } from './simulated-api-traffic';
import type { SimulatedContact } from './simulated-instance';
import { requireContact, type SimulatorContext } from './simulator-context';

type ContactAction = (context: SimulatorContext, contact: SimulatedContact, userId: string, body: Record<string, unknown>) => unknown;

function userIdOf(body: Record<string, unknown>): string {
  const userId = body['UserId'];
  if (typeof userId !== 'string' || userId === '') throw connectApiError('InvalidParameterException', 'UserId is required');
  return userId;
}

/**
 * The agent-side contact actions, which Connect only offers in the browser (Amazon Connect Streams,
 * the CCP). The simulator exposes each as `POST .../contacts/{ContactId}/{action}` with the acting
 * user in the body, named after the Streams method it stands for.
 */
const CONTACT_ACTIONS: Record<string, ContactAction> = {
  /** `contact.accept()` */
  accept: (context, contact, userId) => acceptContact(context, contact, userId),
  /** `contact.reject()`: shows as MISSED on the agent event stream, like every rejected voice contact. */
  reject: (context, contact, userId) => {
    if (contact.phase !== 'alerting' || contact.userId !== userId) {
      throw connectApiError('InvalidRequestException', `Contact ${contact.id} is not alerting for user ${userId}`);
    }
    missContact(context, contact, 'rejected');
  },
  /** `connection.hold()` on the customer connection. */
  hold: (context, contact, userId) => setHeld(context, contact, userId, true),
  /** `connection.resume()` */
  resume: (context, contact, userId) => setHeld(context, contact, userId, false),
  /** `connection.sendDigits()` */
  'send-digits': (context, contact, userId, body) => {
    if (typeof body['Digits'] !== 'string' || !/^[0-9*#A-D]{1,32}$/.test(body['Digits'])) {
      throw connectApiError('InvalidParameterException', 'Digits must be 1-32 of 0-9 * # A-D');
    }
    sendDigits(context, contact, userId);
  },
  /** `connection.destroy()` on the customer connection: the agent hangs up. */
  end: (context, contact, userId) => endContact(context, contact, userId),
  /** `contact.clear()`: after-contact work done, or an open task completed. */
  clear: (context, contact, userId) => clearContact(context, contact, userId),
};

export function createStreamsHandlers(context: SimulatorContext, traffic: SimulatedApiTraffic, baseUrl: string): RequestHandler[] {
  const requireInstance = (instanceId: unknown) => {
    if (instanceId !== context.instance.settings.instanceId) {
      throw connectApiError('ResourceNotFoundException', `Instance ${String(instanceId)} not found`);
    }
  };
  const requireUser = (userId: unknown) => {
    const user = context.instance.users.get(String(userId));
    if (!user) throw connectApiError('ResourceNotFoundException', `User ${String(userId)} not found`);
    return user;
  };
  return [
    http.post(`${baseUrl}/streams/:instanceId/contacts/:contactId/:action`, ({ request, params }) =>
      traffic.answer(`streams:${String(params['action'])}`, request, (body) => {
        requireInstance(params['instanceId']);
        const action = CONTACT_ACTIONS[String(params['action'])];
        if (!action) throw connectApiError('ResourceNotFoundException', `No contact action ${String(params['action'])}`);
        action(context, requireContact(context, String(params['contactId'])), userIdOf(body), body);
        return {};
      }),
    ),
    http.post(`${baseUrl}/streams/:instanceId/agents/:userId/:action`, ({ request, params }) =>
      traffic.answer(`streams:${String(params['action'])}`, request, (body) => {
        requireInstance(params['instanceId']);
        const user = requireUser(params['userId']);
        switch (params['action']) {
          case 'mute':
          case 'unmute':
            // `agent.mute()` acts on the agent's own media: there is no contact event for it.
            user.muted = params['action'] === 'mute';
            return {};
          case 'connect': {
            const phoneNumber = body['PhoneNumber'];
            if (typeof phoneNumber !== 'string' || !/^\+[1-9]\d{1,14}$/.test(phoneNumber)) {
              throw connectApiError('InvalidParameterException', 'PhoneNumber must be E.164');
            }
            const contact = agentConnect(context, user, {
              phoneNumber,
              ...(typeof body['QueueId'] === 'string' ? { queueId: body['QueueId'] } : {}),
              ...(typeof body['RelatedContactId'] === 'string' ? { relatedContactId: body['RelatedContactId'] } : {}),
            });
            return { ContactId: contact.id };
          }
          default:
            throw connectApiError('ResourceNotFoundException', `No agent action ${String(params['action'])}`);
        }
      }),
    ),
  ];
}
