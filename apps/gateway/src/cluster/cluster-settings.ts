/** A gateway in a cluster (docs/cluster.md): several over one PostgreSQL, one of them running the ACD. */
export interface ClusterSettings {
  /** How the other gateways reach this one (default: its own listening URL). Names the lease holder, so unique per gateway. */
  instanceUrl?: string;
  /** How long the ACD's lease lasts unless renewed: the bound on a takeover after its holder died. Default 10 s. */
  leaseTtlMs?: number;
}

/**
 * The one lease of the cluster. The unit of ownership is the ACD as a whole, not a queue: an agent
 * serves several queues and must never hold two offers, so the queues that share agents are routed
 * by one engine (docs/cluster.md, "Why one lease").
 */
export const ACD_LEASE = 'acd';

export const DEFAULT_LEASE_TTL_MS = 10_000;

/** What `GET /clusterz` answers. */
export interface ClusterStatus {
  instance: string;
  role: 'owner' | 'follower';
  /** The lease holder as stored (null before anyone took it); may have lapsed a moment ago. */
  owner: string | null;
  leaseToken: number | null;
  lastPublishedSeq: number;
}
