import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** The machine a run was measured on: ratios travel between machines, absolute numbers do not. */
export interface MachineInfo {
  cores: number;
  cpuModel: string;
  node: string;
  platform: string;
  memoryGb: number;
  /**
   * How fast this machine hands a process fresh memory (first touch of new pages), in MB/s.
   * Some VMs back guest memory lazily and take ~10 ms per MB: allocation-heavy scenarios then
   * measure the host as much as the code, and this figure says so.
   */
  firstTouchMbPerSecond: number;
  /** 1-minute load average when the run started: above the core count, other work competed with the bench. */
  loadAverage: number;
}

export function readMachineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    firstTouchMbPerSecond: measureFirstTouch(32),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

function measureFirstTouch(megabytes: number): number {
  const started = performance.now();
  Buffer.alloc(megabytes * 1024 * 1024).fill(1);
  return Math.round(megabytes / ((performance.now() - started) / 1000));
}

export function describeMachine(machine: MachineInfo): string {
  return `${machine.cores} cores, ${machine.cpuModel}, Node ${machine.node}, ${machine.memoryGb} GB (fresh memory ${machine.firstTouchMbPerSecond.toLocaleString('en-US')} MB/s), load ${machine.loadAverage} at start, ${machine.platform}`;
}
