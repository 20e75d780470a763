/**
 * The part of the WHATWG `WebSocket` the stream uses. The browser's `WebSocket` and the `ws`
 * package's `WebSocket` both satisfy it; listeners are methods so both event types fit.
 */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open', listener: (event: unknown) => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'error', listener: (event: unknown) => void): void;
}

export type WebSocketConstructorLike = new (url: string) => WebSocketLike;

/** `WebSocket.OPEN` (the constant is not on every implementation's instances). */
export const WEB_SOCKET_OPEN = 1;
