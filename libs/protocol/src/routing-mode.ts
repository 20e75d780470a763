import { z } from 'zod';

/**
 * - `customer-first`: the CCaaS dials the customer; only an answered call is offered to an agent.
 * - `agent-first`: an agent accepts and previews the callback, then dials the customer.
 */
export const RoutingMode = z.enum(['customer-first', 'agent-first']).meta({ id: 'RoutingMode' });
export type RoutingMode = z.infer<typeof RoutingMode>;
