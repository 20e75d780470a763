import { IccError } from '@icc/core';

/**
 * Contact attributes as Connect accepts them: "Attribute keys can include only alphanumeric,
 * dash, and underscore characters", and "up to 32,768 UTF-8 bytes across all key-value pairs per
 * contact" (StartTaskContact / UpdateContactAttributes `Attributes`, Connect service model).
 */
export const ATTRIBUTES_MAX_BYTES = 32_768;

/** An ICC attribute key as a Connect key: every other character (e.g. the dots of `crm.ticket`) becomes `_`. */
export function toConnectAttributeKey(key: string): string {
  return key.replace(/[^A-Za-z0-9_-]/g, '_') || '_';
}

export function toConnectAttributes(attributes: Record<string, string>, path: string): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributes)) mapped[toConnectAttributeKey(key)] = value;
  const bytes = Object.entries(mapped).reduce((sum, [key, value]) => sum + Buffer.byteLength(key) + Buffer.byteLength(value), 0);
  if (bytes > ATTRIBUTES_MAX_BYTES) {
    const message = `Amazon Connect keeps at most ${ATTRIBUTES_MAX_BYTES} bytes of attributes per contact; these need ${bytes}`;
    throw new IccError('validation_failed', message, [{ path: [path], message, code: 'custom' }]);
  }
  return mapped;
}
