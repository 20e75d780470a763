/**
 * A gateway's log lines about the ACD lease (pino JSON on stdout; `time` in epoch ms), with the
 * lease's fencing token (`leaseToken`: the logger redacts fields named `token`).
 */
export interface LeaseLogLine {
  time: number;
  /** `running`: the new owner's ACD has restored from the log and acts. */
  kind: 'acquired' | 'running' | 'lost' | 'fence-refused';
  token?: number;
  reason?: string;
}

const KINDS: Record<string, LeaseLogLine['kind']> = {
  'lease acquired: starting its work': 'acquired',
  'ACD running on this gateway': 'running',
  'lease lost: stopping its work': 'lost',
  'an append under the ACD lease was refused: stopping the ACD here': 'fence-refused',
};

/** Picks the lease lines out of one chunk of lines; anything not JSON or not about the lease is skipped. */
export function leaseLines(text: string): LeaseLogLine[] {
  const lines: LeaseLogLine[] = [];
  for (const raw of text.split('\n')) {
    if (!raw.includes('lease') && !raw.includes('ACD')) continue;
    let parsed: { time?: number; msg?: string; leaseToken?: unknown; reason?: string };
    try {
      parsed = JSON.parse(raw) as typeof parsed;
    } catch {
      continue;
    }
    const kind = KINDS[parsed.msg ?? ''];
    if (!kind || typeof parsed.time !== 'number') continue;
    lines.push({ time: parsed.time, kind, ...(typeof parsed.leaseToken === 'number' ? { token: parsed.leaseToken } : {}), ...(parsed.reason === undefined ? {} : { reason: parsed.reason }) });
  }
  return lines;
}

/** The first `lease acquired` logged at or after `since` (epoch ms), across the gateways' lines. */
export function firstAcquisitionAfter(linesByGateway: ReadonlyMap<string, readonly LeaseLogLine[]>, since: number): { gateway: string; line: LeaseLogLine } | undefined {
  let first: { gateway: string; line: LeaseLogLine } | undefined;
  for (const [gateway, lines] of linesByGateway) {
    for (const line of lines) {
      if (line.kind === 'acquired' && line.time >= since && (!first || line.time < first.line.time)) first = { gateway, line };
    }
  }
  return first;
}

/**
 * A gateway that was stopped while it held the lease and resumed after another took over (its
 * lines up to now): it must say it lost the lease (or that its fenced write was refused), and not
 * claim the lease again while the new owner lives.
 */
export function staleOwnerProblems(lines: readonly LeaseLogLine[], resumedAt: number): string[] {
  const afterResume = lines.filter((line) => line.time >= resumedAt);
  const problems: string[] = [];
  if (!afterResume.some((line) => line.kind === 'lost' || line.kind === 'fence-refused')) problems.push('the resumed gateway logged no loss of its lease after SIGCONT');
  if (afterResume.some((line) => line.kind === 'acquired')) problems.push('the resumed gateway claimed the lease again while the new owner lived');
  return problems;
}
