/** The part of a `ws` WebSocket a session uses (so sessions can be tested without a network). */
export interface StreamSocket {
  send(text: string): void;
  close(code: number, reason: string): void;
  terminate(): void;
  readonly bufferedAmount: number;
}
