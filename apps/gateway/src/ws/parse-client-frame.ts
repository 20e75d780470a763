import { ClientFrame, validationError, type ErrorBody } from '@icc/protocol';

export type ParsedClientFrame =
  | { ok: true; frame: ClientFrame }
  /** `commandId` is set when the frame was a command with an id, so the answer can be a `command.result`. */
  | { ok: false; error: ErrorBody; commandId?: string };

export function parseClientFrame(text: string): ParsedClientFrame {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, error: { code: 'malformed_json', message: 'Frames are JSON objects' } };
  }
  const parsed = ClientFrame.safeParse(raw);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const candidate = (typeof raw === 'object' && raw !== null ? raw : {}) as { type?: unknown; id?: unknown };
  const error = validationError(parsed.error, 'Frame');
  if (candidate.type === 'command' && typeof candidate.id === 'string') return { ok: false, error, commandId: candidate.id };
  return { ok: false, error };
}
