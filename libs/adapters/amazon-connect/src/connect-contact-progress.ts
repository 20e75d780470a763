/**
 * What the adapter has applied from one Connect contact of an interaction. An ICC interaction is
 * carried by one or more contacts: the callback task (`callback`, and the tasks the adapter starts
 * to reschedule it) and the calls the agent places from the CCP (`redial`, Streams `agent.connect`).
 */
export interface ContactProgress {
  contactId: string;
  /** First contact of its chain: Connect keeps user-defined attributes per initial contact. */
  initialContactId: string;
  interactionId: string;
  role: 'callback' | 'redial';
  /** The number this contact dials. */
  phoneNumber: string;
  /** Replaced by another contact (reschedule): its late events are history, not news. */
  superseded?: boolean;
  queued?: boolean;
  offer?: { userId: string; at: number };
  accepted?: boolean;
  dialed?: boolean;
  answered?: boolean;
  disconnected?: boolean;
  completed?: boolean;
  /** Instant of the newest hold/resume fact seen; older ones are stale. */
  holdStateAt?: number;
  /** The adapter sent Streams `reject` for this user: their MISSED means rejected, not timed out. */
  rejectSentBy?: string;
  /** The adapter hung up for the agent. */
  endedByAgent?: boolean;
}
