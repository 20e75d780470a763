import type { LatencySummary } from '../../report/percentile';

export interface RoutingInput {
  callbacks: number;
  agents: number;
  seed: number;
}

export interface RoutingMeasurement {
  /** Time to queue every callback (routing runs after each, with nobody free). */
  intakeMs: number;
  /** Per `setPresence(available)` call: the routing decision and the offer it causes. */
  decisions: LatencySummary;
  /** Agents that got an offer: must equal the number of agents. */
  offers: number;
}

export const ROUTING_EPOCH = Date.parse('2026-03-10T09:00:00Z');
