import { PROTOCOL_VERSION, WS_CLOSE_CODES, type Agent, type ClientFrame, type ErrorBody, type ServerFrame } from '@icc/protocol';
import { toErrorBody } from '../http/to-error-body';
import { createTokenBucket } from '../http/token-bucket';
import type { AccessPrincipal } from '../auth/access-policy';
import { isSupervisor, type Principal } from '../auth/principal';
import type { GatewayServices } from '../composition/gateway-services';
import { describeEvent } from '../events/describe-event';
import type { PublishedEvent } from '../events/published-event';
import { createInteractionTimeline } from '../events/interaction-timeline';
import type { AgentStreamSettings } from './agent-stream-settings';
import { buildSnapshot } from './build-snapshot';
import { eventFrameTextFor } from './event-frame-for';
import { parseClientFrame } from './parse-client-frame';
import type { StreamSocket } from './stream-socket';

const REPLAY_BATCH = 200;

export interface AgentStreamSession {
  receive(text: string): void;
  /** The socket closed (either side): release timers and the subscription. */
  closed(): void;
  close(code: number, reason: string): void;
  /** Supervisors only, once live. */
  sendQueueStats(frame: ServerFrame): void;
  isLiveSupervisor(): boolean;
}

type Phase = 'awaiting-hello' | 'authenticating' | 'replaying' | 'live' | 'closed';

/** One `/v1/agent-stream` connection: hello → welcome → snapshot or replay → live events, commands, heartbeats. */
/** `liveSupervisor` hears when this session becomes a live supervisor stream (true) and when it stops being one (false). */
export function createAgentStreamSession(
  socket: StreamSocket,
  services: GatewayServices,
  settings: AgentStreamSettings,
  liveSupervisor: (live: boolean) => void = () => undefined,
): AgentStreamSession {
  const { store, hub, timerClock, logger } = services;
  const frameBucket = createTokenBucket(settings.frameRate, timerClock.now());
  let phase: Phase = 'awaiting-hello';
  let principal: Principal | undefined;
  let reader: AccessPrincipal | undefined;
  let lastSentSeq = 0;
  let lastHeardAt = timerClock.now();
  let pendingLive: PublishedEvent[] = [];
  let unsubscribe: (() => void) | undefined;
  let cancelHeartbeat: (() => void) | undefined;
  let cancelTokenExpiry: (() => void) | undefined;
  let inbox: Promise<void> = Promise.resolve();
  const cancelHelloTimer = timerClock.setTimer(timerClock.now() + settings.helloTimeoutMs, () => {
    if (phase === 'awaiting-hello') close(WS_CLOSE_CODES.unauthorized, 'no hello within 10 s');
  });

  function send(frame: ServerFrame): boolean {
    return sendText(JSON.stringify(frame));
  }

  function sendText(text: string): boolean {
    if (phase === 'closed') return false;
    if (socket.bufferedAmount > settings.maxBufferedBytes) {
      close(WS_CLOSE_CODES.slowConsumer, 'slow consumer: reconnect with resumeFrom');
      return false;
    }
    socket.send(text);
    return true;
  }

  function close(code: number, reason: string): void {
    if (phase === 'closed') return;
    release();
    socket.close(code, reason);
  }

  function release(): void {
    const wasLiveSupervisor = isLiveSupervisor();
    phase = 'closed';
    if (wasLiveSupervisor) liveSupervisor(false);
    cancelHelloTimer();
    cancelHeartbeat?.();
    cancelTokenExpiry?.();
    unsubscribe?.();
    pendingLive = [];
  }

  function fail(error: ErrorBody, code: number): void {
    send({ type: 'error', error });
    close(code, error.message.slice(0, 120));
  }

  function deliver(published: PublishedEvent): void {
    if (!reader || published.event.seq <= lastSentSeq) return;
    lastSentSeq = published.event.seq;
    // The same text for every socket the event reaches: serialized once, not once per socket.
    const text = eventFrameTextFor(reader, published);
    if (text !== undefined) sendText(text);
  }

  function armHeartbeat(): void {
    const intervalMs = settings.heartbeatSeconds * 1000;
    cancelHeartbeat = timerClock.setTimer(timerClock.now() + intervalMs, () => {
      if (phase === 'closed') return;
      if (timerClock.now() - lastHeardAt > 3 * intervalMs) {
        release();
        socket.terminate();
        return;
      }
      send({ type: 'ping', at: timerClock.now() });
      armHeartbeat();
    });
  }

  /** REST refuses an expired token; the stream that token opened ends then too, unless a `reauth` moved the deadline. */
  function armTokenExpiry(expiresAtMs: number): number {
    cancelTokenExpiry?.();
    cancelTokenExpiry = timerClock.setTimer(expiresAtMs, () => {
      fail({ code: 'unauthorized', message: 'The agent token expired: reconnect with resumeFrom and a new token' }, WS_CLOSE_CODES.tokenExpired);
    });
    return Math.max(0, Math.floor((expiresAtMs - timerClock.now()) / 1000));
  }

  async function replayAfter(resumeFrom: number): Promise<void> {
    const timeline = await createInteractionTimeline(store, logger);
    lastSentSeq = resumeFrom;
    for (;;) {
      const batch = await store.readAfter(lastSentSeq, REPLAY_BATCH);
      if (batch.length === 0 || phase !== 'replaying') return;
      for (const event of batch) {
        const published = await describeEvent(event, timeline, (agentId) => store.getAgent(agentId));
        if (phase !== 'replaying') return;
        deliver(published);
      }
      // Let pings, commands and other sockets through between batches.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  async function onHello(frame: Extract<ClientFrame, { type: 'hello' }>): Promise<void> {
    phase = 'authenticating';
    let claims;
    try {
      claims = await services.tokens.verify(frame.token);
    } catch (error) {
      const { status, body } = toErrorBody(error);
      return fail(body, status === 403 ? WS_CLOSE_CODES.forbidden : WS_CLOSE_CODES.unauthorized);
    }
    if (frame.protocolVersion.split('.')[0] !== PROTOCOL_VERSION.split('.')[0]) {
      const message = `Protocol ${frame.protocolVersion} is not supported; this gateway speaks ${PROTOCOL_VERSION}`;
      return fail({ code: 'protocol_version_unsupported', message }, WS_CLOSE_CODES.protocolError);
    }
    const stored: Agent | undefined = await store.getAgent(claims.sub);
    // Its configuration as the store has it now (queues, name): the hub's directory keeps it.
    if (stored) (await hub.agents()).configured(stored);
    // The token's role is the one REST applies too (an identity provider may grant supervisor).
    const agent: Agent | undefined = stored && { ...stored, role: claims.role };
    if (!agent) return fail({ code: 'unauthorized', message: `Agent ${claims.sub} no longer exists` }, WS_CLOSE_CODES.unauthorized);
    if (phase !== 'authenticating') return;
    cancelHelloTimer();
    const tokenExpiresInSeconds = armTokenExpiry(claims.expiresAtMs);
    principal = { agentId: agent.id, role: agent.role, name: agent.displayName };
    reader = { agentId: agent.id, role: agent.role, queueIds: agent.queueIds };
    phase = 'replaying';
    const onPublished = (published: PublishedEvent) => {
      if (phase === 'replaying') pendingLive.push(published);
      else if (phase === 'live') deliver(published);
    };
    // Subscribed (buffering) before the log is read: an event committed meanwhile is in the replay,
    // the buffer or both (`deliver` drops a seq already sent), never in neither.
    // An agent's stream shows only what eventFrameFor lets it see: the hub skips the rest for it.
    unsubscribe = isSupervisor(principal) ? hub.subscribe(onPublished) : hub.subscribeAgent(reader, onPublished);
    const headSeq = await store.headSeq();
    if (phase !== 'replaying') return;
    const resumed = frame.resumeFrom !== undefined && frame.resumeFrom <= headSeq;
    send({
      type: 'welcome',
      protocolVersion: PROTOCOL_VERSION,
      agent,
      headSeq,
      resumed,
      vendor: services.adapter.vendor,
      capabilities: services.adapter.capabilities,
      heartbeatSeconds: settings.heartbeatSeconds,
      tokenExpiresInSeconds,
    });
    if (resumed) await replayAfter(frame.resumeFrom ?? 0);
    else {
      const snapshot = await buildSnapshot(reader, store, hub, services.clock.now());
      if (phase !== 'replaying') return;
      lastSentSeq = snapshot.seq;
      send(snapshot);
    }
    if (phase !== 'replaying') return;
    phase = 'live';
    if (isLiveSupervisor()) liveSupervisor(true);
    const buffered = pendingLive;
    pendingLive = [];
    for (const published of buffered) deliver(published);
    armHeartbeat();
  }

  async function onReauth(frame: Extract<ClientFrame, { type: 'reauth' }>): Promise<void> {
    if (!principal) {
      send({ type: 'error', error: { code: 'unauthorized', message: 'Send hello first' } });
      return;
    }
    let claims;
    try {
      claims = await services.tokens.verify(frame.token);
    } catch (error) {
      // The stream goes on under the token it has until that one expires.
      send({ type: 'error', error: toErrorBody(error).body });
      return;
    }
    if (phase === 'closed') return;
    if (claims.sub !== principal.agentId) {
      return fail({ code: 'forbidden', message: `The new token is for ${claims.sub}, this stream is ${principal.agentId}'s` }, WS_CLOSE_CODES.forbidden);
    }
    send({ type: 'reauthenticated', tokenExpiresInSeconds: armTokenExpiry(claims.expiresAtMs) });
  }

  async function onCommand(frame: Extract<ClientFrame, { type: 'command' }>): Promise<void> {
    if (!principal) {
      send({ type: 'command.result', id: frame.id, ok: false, error: { code: 'unauthorized', message: 'Send hello first' } });
      return;
    }
    try {
      const interaction = await services.commands.execute(principal, frame.command);
      send({ type: 'command.result', id: frame.id, ok: true, interaction });
    } catch (error) {
      send({ type: 'command.result', id: frame.id, ok: false, error: toErrorBody(error).body });
    }
  }

  async function handle(frame: ClientFrame): Promise<void> {
    switch (frame.type) {
      case 'hello':
        if (phase !== 'awaiting-hello') send({ type: 'error', error: { code: 'validation_failed', message: 'hello was already sent' } });
        else await onHello(frame);
        return;
      case 'command':
        return onCommand(frame);
      case 'reauth':
        return onReauth(frame);
      case 'ping':
        send(frame.at === undefined ? { type: 'pong' } : { type: 'pong', at: frame.at });
        return;
      case 'pong':
        return;
    }
  }

  return {
    receive(text) {
      if (phase === 'closed') return;
      lastHeardAt = timerClock.now();
      if (!frameBucket.take(lastHeardAt).allowed) return close(WS_CLOSE_CODES.rateLimited, 'too many frames');
      const parsed = parseClientFrame(text);
      if (!parsed.ok) {
        if (phase === 'awaiting-hello') return fail(parsed.error, WS_CLOSE_CODES.protocolError);
        if (parsed.commandId !== undefined) send({ type: 'command.result', id: parsed.commandId, ok: false, error: parsed.error });
        else send({ type: 'error', error: parsed.error });
        return;
      }
      // Commands and hello are handled one at a time, in the order received; pings are answered at once.
      if (parsed.frame.type === 'ping' || parsed.frame.type === 'pong') {
        void handle(parsed.frame);
        return;
      }
      const frame = parsed.frame;
      inbox = inbox.then(() => handle(frame)).catch((error: unknown) => logger.error({ err: error }, 'agent stream frame failed'));
    },
    closed() {
      if (phase !== 'closed') release();
    },
    close,
    sendQueueStats(frame) {
      if (phase === 'live' && principal?.role === 'supervisor') send(frame);
    },
    isLiveSupervisor,
  };

  function isLiveSupervisor(): boolean {
    return phase === 'live' && principal?.role === 'supervisor';
  }
}
