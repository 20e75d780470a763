import { useMemo } from 'react';
import { useSession } from '../session/session-context';
import type { LoadSlots } from './free-slot-picker';

/** The signed-in agent's reader of one queue's slots (`GET /v1/queues/:id/slots`); undefined while no queue is chosen. */
export function useQueueSlots(queueId: string): LoadSlots | undefined {
  const session = useSession();
  return useMemo(() => (queueId === '' ? undefined : (range) => session.rest.listQueueSlots(queueId, range)), [session, queueId]);
}
