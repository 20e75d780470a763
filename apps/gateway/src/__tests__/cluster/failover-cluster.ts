import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AgentDefinition } from '@icc/core';
import { openPostgresEventStore } from '@icc/store-postgres';
import { queryDatabase, startThrowawayPostgres, type ThrowawayPostgres } from '@icc/store-postgres/testing';
import type { GatewayProcess } from '../gateway-process';
import { bundleGateway, killChild, startChildGateway } from '../reliability/gateway-child';
import { seedQueuesAndAgents } from '../reliability/reliability-fixtures';
import { leaseLines, type LeaseLogLine } from './lease-log';

import type { ClusterStatus } from '../../cluster/cluster-settings';

export type { ClusterStatus };

export interface ClusterGateway {
  /** `g1`, `g2`, …; a restarted gateway gets a new name (and a new URL: the lease holder is its URL). */
  readonly name: string;
  readonly url: string;
  readonly process: GatewayProcess;
  /** Its lease lines so far, as they are logged. */
  readonly lease: LeaseLogLine[];
  state: 'running' | 'stopped' | 'dead';
}

export interface FailoverClusterOptions {
  size: number;
  leaseTtlMs: number;
  /** Agents stored before the first start (the demo queues and agents come with them). */
  agents: readonly AgentDefinition[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Collects a gateway's lease lines from its stdout, from its first line on (lines split across
 * chunks included), and keeps its whole output in `logFile`.
 */
function followLeaseLog(running: GatewayProcess, logFile: string): LeaseLogLine[] {
  const lines: LeaseLogLine[] = [];
  const log = createWriteStream(logFile);
  log.write(running.output());
  running.child.stderr?.on('data', (chunk: Buffer) => log.write(chunk));
  void running.exited.then(() => log.end());
  let pending = running.output();
  const take = () => {
    const end = pending.lastIndexOf('\n');
    if (end < 0) return;
    lines.push(...leaseLines(pending.slice(0, end)));
    pending = pending.slice(end + 1);
  };
  take();
  running.child.stdout?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    pending += chunk.toString();
    take();
  });
  return lines;
}

/** Who holds what on the database: what a takeover that does not happen is waiting for. */
export function stuckSessions(storeUrl: string) {
  return queryDatabase(
    storeUrl,
    `SELECT a.pid, a.state, a.wait_event_type AS waiting_on, round(extract(epoch FROM now() - a.xact_start))::int AS transaction_seconds,
            left(a.query, 120) AS last_query,
            (SELECT string_agg(l.locktype || ':' || l.mode || CASE WHEN l.granted THEN '' ELSE ' (waiting)' END, ', ') FROM pg_locks l
              WHERE l.pid = a.pid AND l.locktype IN ('advisory', 'tuple', 'transactionid') ) AS locks
     FROM pg_stat_activity a
     WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND (a.xact_start IS NOT NULL OR a.wait_event_type = 'Lock')`,
  );
}

export async function clusterStatus(url: string): Promise<ClusterStatus> {
  const response = await fetch(`${url}/clusterz`, { signal: AbortSignal.timeout(1000) });
  if (!response.ok) throw new Error(`GET ${url}/clusterz → ${response.status}`);
  return (await response.json()) as ClusterStatus;
}

/**
 * One throwaway PostgreSQL and `size` clustered gateways on it (the bundled main.ts, one node
 * process each, so SIGKILL and SIGSTOP hit the gateway itself), with the faults the failover
 * suite injects: kill, stop and continue a gateway, restart PostgreSQL on its data and port.
 */
export async function startFailoverCluster(options: FailoverClusterOptions) {
  const workDir = mkdtempSync(join(tmpdir(), 'icc-failover-'));
  // Each gateway's whole output, kept after the run when ICC_FAILOVER_LOG_DIR names a directory.
  const logDir = process.env['ICC_FAILOVER_LOG_DIR'] || join(workDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const gateways: ClusterGateway[] = [];
  let postgres: ThrowawayPostgres | undefined;
  let started = 0;

  const close = async () => {
    for (const gateway of gateways) {
      if (gateway.state === 'stopped') gateway.process.child.kill('SIGCONT');
      await killChild(gateway.process);
      gateway.state = 'dead';
    }
    postgres?.stop();
    rmSync(workDir, { recursive: true, force: true });
  };

  try {
    postgres = await startThrowawayPostgres();
    const storeUrl = await postgres.createDatabase('icc_failover');
    const seeding = await openPostgresEventStore({ url: storeUrl });
    await seedQueuesAndAgents(seeding, options.agents);
    await seeding.close();
    const bundle = await bundleGateway(workDir);

    const startGateway = async (): Promise<ClusterGateway> => {
      const name = `g${++started}`;
      const dataDir = join(workDir, name);
      mkdirSync(dataDir);
      const running = await startChildGateway({
        bundle,
        env: {
          ICC_CLUSTER: 'true',
          ICC_STORE: storeUrl,
          ICC_DATA_DIR: dataDir,
          ICC_LEASE_TTL_MS: String(options.leaseTtlMs),
          ICC_INTAKE_RATE_PER_SECOND: '100000',
          LOG_LEVEL: 'info',
        },
      });
      const gateway: ClusterGateway = { name, url: running.url, process: running, lease: followLeaseLog(running, join(logDir, `${name}.log`)), state: 'running' };
      void running.exited.then(() => (gateway.state = 'dead'));
      gateways.push(gateway);
      return gateway;
    };
    // One after another: the first start migrates and takes the lease, the others join as followers.
    for (let index = 0; index < options.size; index++) await startGateway();
    const server = postgres;

    const running = () => gateways.filter((gateway) => gateway.state === 'running');
    const byUrl = (url: string | null) => gateways.find((gateway) => gateway.url === url);

    return {
      storeUrl,
      gateways,
      running,
      /** A running gateway's URL, turning over the running ones by `index`. */
      urlOf: (index: number) => {
        const up = running();
        return (up[index % Math.max(1, up.length)] ?? gateways[0])?.url as string;
      },
      startGateway,
      /** The lease holder as a running gateway reports it, once one reports itself owner with a token above `previousToken`. */
      async waitForOwner(previousToken = 0, withinMs = 30_000): Promise<{ gateway: ClusterGateway; token: number; seenAt: number }> {
        const deadline = Date.now() + withinMs;
        for (;;) {
          for (const gateway of running()) {
            const status = await clusterStatus(gateway.url).catch(() => undefined);
            if (status?.role === 'owner' && (status.leaseToken ?? 0) > previousToken && status.owner === gateway.url) {
              return { gateway, token: status.leaseToken as number, seenAt: Date.now() };
            }
          }
          if (Date.now() > deadline) {
            const statuses = await Promise.all(running().map((gateway) => clusterStatus(gateway.url).catch((error: Error) => error.message)));
            throw new Error(
              `no gateway owns the ACD with a token above ${previousToken} after ${withinMs} ms: ${JSON.stringify(statuses)}\n` +
                `sessions in a transaction or waiting on a lock: ${JSON.stringify(await stuckSessions(storeUrl).catch((error: Error) => error.message))}`,
            );
          }
          await sleep(25);
        }
      },
      byUrl,
      async kill(gateway: ClusterGateway) {
        gateway.process.child.kill('SIGKILL');
        await gateway.process.exited;
        gateway.state = 'dead';
      },
      /** SIGSTOP: the process keeps its sockets and PostgreSQL sessions but does nothing (a partition, a long GC pause). */
      stop(gateway: ClusterGateway) {
        gateway.process.child.kill('SIGSTOP');
        gateway.state = 'stopped';
      },
      resume(gateway: ClusterGateway) {
        gateway.process.child.kill('SIGCONT');
        gateway.state = 'running';
      },
      /** Stops PostgreSQL (fast shutdown: every session is cut) and starts it again on the same data and port. */
      async restartPostgres(downMs: number) {
        await server.pause();
        await sleep(downMs);
        await server.resume();
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

export type FailoverCluster = Awaited<ReturnType<typeof startFailoverCluster>>;
