import {
  AgentCommand,
  PROTOCOL_VERSION,
  validationError,
  WS_CLOSE_CODES,
  type ClientFrame,
  type Interaction,
  type ServerFrame,
  type WelcomeFrame,
} from '@icc/protocol';
import { computeBackoffDelay, DEFAULT_BACKOFF_POLICY, type BackoffPolicy } from './compute-backoff-delay';
import { IccApiError } from './icc-api-error';
import { createListenerSet } from './listener-set';
import { parseServerFrame } from './parse-server-frame';
import { createPendingCommands } from './pending-commands';
import { GLOBAL_TIMERS, type StreamTimers, type TimerHandle } from './stream-timers';
import { WEB_SOCKET_OPEN, type WebSocketConstructorLike, type WebSocketLike } from './web-socket-like';

/**
 * - `connecting`: first connection, until the server's `welcome`.
 * - `open`: welcomed; frames flow and commands are sent at once.
 * - `reconnecting`: the socket dropped; a new one is (or will be, after the backoff delay) opened.
 * - `closed`: final, after `close()` or an auth close (4401/4403). A `tokenExpired` close (4002) resumes, after `refreshToken` when given.
 */
export type AgentStreamStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface AgentStreamOptions {
  /** Full URL of `/v1/agent-stream`, e.g. `ws://localhost:3000/v1/agent-stream`. */
  url: string;
  /** Read when each connection opens; no token closes the stream as `unauthorized`. */
  getToken: () => string | undefined;
  /**
   * Gets a new token for the same agent (and makes `getToken` return it). When given, the stream
   * sends it as `reauth` shortly before the current token expires, and after a `tokenExpired`
   * close it refreshes before resuming. Without it the stream ends when the token expires.
   */
  refreshToken?: () => Promise<string | undefined>;
  /** How long before expiry to refresh. Default 60 000 ms (at most half the token's remaining life). */
  refreshLeadMs?: number;
  /** Defaults to `globalThis.WebSocket`; in Node 20 pass the `ws` package's `WebSocket`. */
  WebSocket?: WebSocketConstructorLike;
  reconnect?: Partial<BackoffPolicy>;
  /** How long a command may wait (for a connection, then for its result). Default 15 000 ms. */
  commandTimeoutMs?: number;
  onFrame?: (frame: ServerFrame) => void;
  /** Invalid frames, auth closes and throwing listeners are reported here, never thrown. */
  onError?: (error: IccApiError) => void;
  /** Test seams: jitter source in [0, 1) and timers. */
  random?: () => number;
  timers?: StreamTimers;
}

export interface AgentStream {
  readonly status: AgentStreamStatus;
  /** Highest event `seq` delivered (or the snapshot's `seq`); sent as `resumeFrom` on reconnection. */
  readonly lastSeq: number;
  /** The latest `welcome` frame, if any. */
  readonly welcome: WelcomeFrame | undefined;
  subscribe(listener: (frame: ServerFrame) => void): () => void;
  onStatus(listener: (status: AgentStreamStatus) => void): () => void;
  onError(listener: (error: IccApiError) => void): () => void;
  /** Resolves with the interaction after the command; rejects with `IccApiError`. */
  sendCommand(command: AgentCommand): Promise<Interaction>;
  close(): void;
}

function defaultWebSocket(): WebSocketConstructorLike {
  const global = globalThis.WebSocket as WebSocketConstructorLike | undefined;
  if (!global) throw new TypeError('No WebSocket implementation: pass options.WebSocket (in Node, the ws package).');
  return global;
}

const DEFAULT_COMMAND_TIMEOUT_MS = 15_000;
const DEFAULT_REFRESH_LEAD_MS = 60_000;
const SILENT_HEARTBEATS_BEFORE_DROP = 3;

export function createAgentStream(options: AgentStreamOptions): AgentStream {
  const WebSocketImpl: WebSocketConstructorLike = options.WebSocket ?? defaultWebSocket();
  const timers = options.timers ?? GLOBAL_TIMERS;
  const backoff: BackoffPolicy = { ...DEFAULT_BACKOFF_POLICY, ...options.reconnect };
  const commands = createPendingCommands(timers, options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS);
  const frameListeners = createListenerSet(options.onFrame);
  const statusListeners = createListenerSet<AgentStreamStatus>();
  const errorListeners = createListenerSet(options.onError);

  let status: AgentStreamStatus = 'connecting';
  let socket: WebSocketLike | undefined;
  let lastSeq = 0;
  let welcome: WelcomeFrame | undefined;
  let failedAttempts = 0;
  let reconnectTimer: TimerHandle | undefined;
  let watchdogTimer: TimerHandle | undefined;
  let refreshTimer: TimerHandle | undefined;

  function report(error: IccApiError): void {
    // An error listener that throws has nowhere left to report to.
    errorListeners.emit(error, () => undefined);
  }

  function reportListenerFailure(cause: unknown): void {
    const message = `A stream listener threw: ${cause instanceof Error ? cause.message : String(cause)}`;
    report(new IccApiError(0, { code: 'listener_failed', message }, { cause }));
  }

  function setStatus(next: AgentStreamStatus): void {
    if (status === next) return;
    status = next;
    statusListeners.emit(next, reportListenerFailure);
  }

  function send(frame: ClientFrame): boolean {
    if (!socket || socket.readyState !== WEB_SOCKET_OPEN) return false;
    socket.send(JSON.stringify(frame));
    return true;
  }

  function flushCommands(): void {
    for (const entry of commands.unsent()) {
      if (!send({ type: 'command', id: entry.id, command: entry.command })) return;
      entry.sent = true;
    }
  }

  function connect(): void {
    let opened: WebSocketLike;
    try {
      opened = new WebSocketImpl(options.url);
    } catch (cause) {
      report(new IccApiError(0, { code: 'network_error', message: `Cannot open ${options.url}` }, { cause }));
      scheduleReconnect();
      return;
    }
    socket = opened;
    opened.addEventListener('open', () => {
      if (socket !== opened) return;
      const token = options.getToken();
      if (!token) {
        stop(new IccApiError(401, { code: 'unauthorized', message: 'No agent token: sign in before opening the agent stream' }));
        return;
      }
      send({
        type: 'hello',
        token,
        protocolVersion: PROTOCOL_VERSION,
        ...(welcome ? { resumeFrom: lastSeq } : {}),
      });
    });
    opened.addEventListener('message', (event) => {
      if (socket === opened) receive(event.data);
    });
    opened.addEventListener('close', (event) => {
      if (socket === opened) dropped(event.code, event.reason);
    });
    // Errors are always followed by `close`, which decides what happens next.
    opened.addEventListener('error', () => undefined);
  }

  function receive(message: unknown): void {
    armWatchdog();
    const parsed = parseServerFrame(message);
    if (!parsed.ok) {
      report(parsed.error);
      return;
    }
    const frame = parsed.frame;
    switch (frame.type) {
      case 'welcome':
        welcome = frame;
        failedAttempts = 0;
        scheduleRefresh(frame.tokenExpiresInSeconds);
        deliver(frame);
        setStatus('open');
        flushCommands();
        return;
      case 'reauthenticated':
        scheduleRefresh(frame.tokenExpiresInSeconds);
        deliver(frame);
        return;
      case 'snapshot':
        // Authoritative: after a resume that was refused the log may have moved on (or restarted).
        lastSeq = frame.seq;
        deliver(frame);
        return;
      case 'event':
        if (frame.event.seq <= lastSeq) return;
        lastSeq = frame.event.seq;
        deliver(frame);
        return;
      case 'command.result':
        deliver(frame);
        commands.settle(frame);
        return;
      case 'ping':
        send({ type: 'pong', ...(frame.at === undefined ? {} : { at: frame.at }) });
        deliver(frame);
        return;
      default:
        deliver(frame);
    }
  }

  /** Refreshes the token a little before the server would close the stream for its expiry. */
  function scheduleRefresh(expiresInSeconds: number | undefined): void {
    clearRefresh();
    const refreshToken = options.refreshToken;
    if (expiresInSeconds === undefined || !refreshToken || status === 'closed') return;
    const remainingMs = expiresInSeconds * 1000;
    const delay = Math.max(0, remainingMs - Math.min(options.refreshLeadMs ?? DEFAULT_REFRESH_LEAD_MS, remainingMs / 2));
    refreshTimer = timers.setTimeout(() => {
      refreshTimer = undefined;
      void refreshedToken().then((token) => {
        if (token) send({ type: 'reauth', token });
      });
    }, delay);
  }

  function clearRefresh(): void {
    if (refreshTimer !== undefined) timers.clearTimeout(refreshTimer);
    refreshTimer = undefined;
  }

  async function refreshedToken(): Promise<string | undefined> {
    try {
      return await options.refreshToken?.();
    } catch (cause) {
      report(new IccApiError(0, { code: 'unauthorized', message: 'Could not refresh the agent token' }, { cause }));
      return undefined;
    }
  }

  function deliver(frame: ServerFrame): void {
    frameListeners.emit(frame, reportListenerFailure);
  }

  /** A server that stops pinging is treated as gone, rather than waiting for TCP to notice. */
  function armWatchdog(): void {
    if (watchdogTimer !== undefined) timers.clearTimeout(watchdogTimer);
    watchdogTimer = undefined;
    if (!welcome || status === 'closed') return;
    const silenceMs = welcome.heartbeatSeconds * 1000 * SILENT_HEARTBEATS_BEFORE_DROP;
    watchdogTimer = timers.setTimeout(() => {
      watchdogTimer = undefined;
      const silent = socket;
      if (!silent) return;
      socket = undefined;
      silent.close(1000, 'heartbeat timeout');
      dropped(1006, 'heartbeat timeout');
    }, silenceMs);
  }

  function dropped(code: number, reason: string): void {
    socket = undefined;
    clearRefresh();
    if (watchdogTimer !== undefined) timers.clearTimeout(watchdogTimer);
    watchdogTimer = undefined;
    commands.failSent(
      new IccApiError(0, {
        code: 'connection_lost',
        message: 'The connection dropped before the command was answered; re-read the interaction before retrying',
      }),
    );
    if (code === WS_CLOSE_CODES.unauthorized || code === WS_CLOSE_CODES.forbidden) {
      const detail = reason ? `: ${reason}` : '';
      stop(
        code === WS_CLOSE_CODES.unauthorized
          ? new IccApiError(401, { code: 'unauthorized', message: `The gateway refused the agent token (${code}${detail}); sign in again` })
          : new IccApiError(403, { code: 'forbidden', message: `The gateway refused this agent the stream (${code}${detail})` }),
      );
      return;
    }
    setStatus('reconnecting');
    if (code === WS_CLOSE_CODES.tokenExpired && options.refreshToken) {
      // Resume under a new token; without one the next hello is refused and the stream ends as unauthorized.
      void refreshedToken().then(() => {
        if (status === 'reconnecting' && socket === undefined && reconnectTimer === undefined) connect();
      });
      return;
    }
    scheduleReconnect();
  }

  function scheduleReconnect(): void {
    const delay = computeBackoffDelay(failedAttempts, backoff, options.random);
    failedAttempts += 1;
    reconnectTimer = timers.setTimeout(() => {
      reconnectTimer = undefined;
      connect();
    }, delay);
  }

  function stop(error: IccApiError | undefined): void {
    if (status === 'closed') return;
    const closing = socket;
    socket = undefined;
    if (reconnectTimer !== undefined) timers.clearTimeout(reconnectTimer);
    if (watchdogTimer !== undefined) timers.clearTimeout(watchdogTimer);
    reconnectTimer = undefined;
    watchdogTimer = undefined;
    clearRefresh();
    closing?.close(1000, 'client closed');
    commands.failAll(
      error ?? new IccApiError(0, { code: 'stream_closed', message: 'The agent stream was closed before the command was answered' }),
    );
    if (error) report(error);
    setStatus('closed');
  }

  connect();

  return {
    get status() {
      return status;
    },
    get lastSeq() {
      return lastSeq;
    },
    get welcome() {
      return welcome;
    },
    subscribe: frameListeners.add,
    onStatus: statusListeners.add,
    onError: errorListeners.add,
    sendCommand(command) {
      if (status === 'closed') {
        return Promise.reject(
          new IccApiError(0, { code: 'stream_closed', message: 'The agent stream is closed; open a new one to send commands' }),
        );
      }
      const checked = AgentCommand.safeParse(command);
      if (!checked.success) return Promise.reject(new IccApiError(400, validationError(checked.error, 'Command')));
      const { result } = commands.add(checked.data);
      if (status === 'open') flushCommands();
      return result;
    },
    close() {
      stop(undefined);
    },
  };
}
