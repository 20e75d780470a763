import { ServerFrame, toErrorIssues } from '@icc/protocol';
import { IccApiError } from './icc-api-error';

export type ParsedServerFrame = { ok: true; frame: ServerFrame } | { ok: false; error: IccApiError };

/** Socket message → validated `ServerFrame`, or an `invalid_frame` error to report (never thrown). */
export function parseServerFrame(message: unknown): ParsedServerFrame {
  if (typeof message !== 'string') {
    return invalid('The gateway sent a binary frame; the agent stream only carries JSON text frames');
  }
  let json: unknown;
  try {
    json = JSON.parse(message);
  } catch {
    return invalid(`The gateway sent a frame that is not JSON: ${message.slice(0, 80)}`);
  }
  const parsed = ServerFrame.safeParse(json);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const type = typeof json === 'object' && json !== null && 'type' in json ? String(json.type) : 'unknown';
  return invalid(`The gateway sent a "${type}" frame that does not match the ICC contract`, toErrorIssues(parsed.error.issues));
}

function invalid(message: string, issues?: ReturnType<typeof toErrorIssues>): ParsedServerFrame {
  return { ok: false, error: new IccApiError(0, issues ? { code: 'invalid_frame', message, issues } : { code: 'invalid_frame', message }) };
}
