import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BenchReport } from '../report/bench-report';

const Verdict = z.enum(['pass', 'fail', 'info']);
const Row = z.object({
  scenario: z.string(),
  metric: z.string(),
  unit: z.string(),
  ours: z.number().nullable().transform((value) => value ?? Number.NaN),
  baseline: z.number().nullable(),
  ratio: z.number().nullable(),
  targetText: z.string().default(''),
  verdict: Verdict,
  load: z.string().optional(),
});
const Machine = z.object({
  cores: z.number(),
  cpuModel: z.string(),
  node: z.string(),
  platform: z.string(),
  memoryGb: z.number(),
  firstTouchMbPerSecond: z.number(),
  loadAverage: z.number(),
});
/** The parts of a results file a comparison reads; anything else in it is ignored. */
const ReportFile = z.object({
  startedAt: z.string(),
  mode: z.enum(['full', 'quick']),
  machine: Machine,
  rows: z.array(Row),
  scenarios: z.array(z.object({ id: z.string() }).passthrough()).default([]),
});

export class ReportFileError extends Error {}

/** Reads a results JSON written by an earlier run (NaN was written as null by JSON.stringify). */
export function readReportFile(path: string): BenchReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ReportFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ReportFileError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ReportFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReportFileError(`${path} is not a bench results file: ${issue ? `${issue.path.join('.')}: ${issue.message}` : parsed.error.message}`);
  }
  return parsed.data as unknown as BenchReport;
}
