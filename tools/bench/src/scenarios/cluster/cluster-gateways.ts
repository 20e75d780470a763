import { childEntry } from '../../process/child-bundles';
import type { ChildMessage } from '../../process/child-message';
import { spawnBenchChild, type BenchChild } from '../../process/spawn-bench-child';
import type { ScenarioContext } from '../bench-scenario';
import type { ClusterGatewayPlan } from './cluster-gateway-child';

/** What `GET /clusterz` answers (docs/cluster.md). */
interface ClusterStatus {
  role: 'owner' | 'follower';
  lastPublishedSeq: number;
}

export interface RunningGateways {
  /** `single` or `N gateways`: names the configuration in logs and rows. */
  label: string;
  /** The gateway that runs the ACD (the only one without a cluster). */
  owner: string;
  /** The others: they forward ACD calls to the owner and fan out the shared log's tail. */
  followers: string[];
  all: string[];
  /** Resolves once every follower has published what the owner has (a no-op without followers). */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

const WAIT_MS = 30_000;

async function clusterStatus(url: string): Promise<ClusterStatus> {
  const response = await fetch(`${url}/clusterz`);
  if (!response.ok) throw new Error(`${url}/clusterz answered ${response.status}`);
  return (await response.json()) as ClusterStatus;
}

async function until(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * `count` gateways on the database at `storeUrl`, each a fresh child process: without `cluster`, one
 * plain gateway on PostgreSQL; with it, the first starts alone and takes the ACD's lease, then the
 * others join as followers.
 */
export async function startGateways(context: ScenarioContext, storeUrl: string, count: number, cluster: boolean, agents: number): Promise<RunningGateways> {
  const label = cluster ? `${count} gateway${count === 1 ? '' : 's'}` : 'single';
  const entry = await childEntry('scenarios/cluster/cluster-gateway-child.ts');
  const children: BenchChild[] = [];
  const startOne = async (index: number) => {
    const plan: ClusterGatewayPlan = { storeUrl, mode: cluster ? 'cluster' : 'single', ...(index === 0 ? { seedAgents: agents } : {}) };
    const role = `cluster-${cluster ? `member-${index}` : 'single'}`;
    const child = spawnBenchChild({ role, entry, args: [context.tempDir(role), JSON.stringify(plan)] });
    children.push(child);
    context.defer(() => child.stop());
    return (await child.next<ChildMessage & { url: string }>('ready')).url;
  };
  const owner = await startOne(0);
  if (cluster) await until(`${owner} to take the ACD's lease`, async () => (await clusterStatus(owner)).role === 'owner');
  const followers = await Promise.all(Array.from({ length: count - 1 }, (_, index) => startOne(index + 1)));
  for (const follower of followers) if ((await clusterStatus(follower)).role !== 'follower') throw new Error(`${follower} should follow ${owner}`);
  return {
    label,
    owner,
    followers,
    all: [owner, ...followers],
    async caughtUp() {
      if (followers.length === 0) return;
      const head = (await clusterStatus(owner)).lastPublishedSeq;
      await until(`the followers to publish up to seq ${head}`, async () => (await Promise.all(followers.map(clusterStatus))).every((status) => status.lastPublishedSeq >= head));
    },
    stop: async () => {
      // Followers first: the owner's lease is then never taken over mid-stop.
      for (const child of children.reverse()) await child.stop();
    },
  };
}
