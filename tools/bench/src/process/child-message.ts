/** What a bench child and the harness say to each other over the IPC channel. */
export interface ChildMessage {
  type: string;
  [field: string]: unknown;
}

export interface ChildFailure extends ChildMessage {
  type: 'error';
  message: string;
  stack?: string;
}

export function isChildMessage(value: unknown): value is ChildMessage {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
