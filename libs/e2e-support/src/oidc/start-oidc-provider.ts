import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** What the in-process provider is told (see `oidc-provider-process.mjs`). */
export interface TestOidcProviderConfig {
  clients: Array<{ client_id: string; redirect_uris: string[]; post_logout_redirect_uris?: string[] }>;
  /** Private signing JWKs (with `kid` and `alg`); the first signs. */
  keys: object[];
  /** `aud` of the JWT access tokens, also the resource indicator. */
  audience: string;
  /** The resource server's scope the client asks for, e.g. `icc`. */
  resourceScope: string;
  accessTokenTtlSeconds: number;
  /** Per login name: more ID token / userinfo claims, and claims added to access tokens (roles, agent id). */
  accounts: Record<string, { claims?: Record<string, unknown>; accessTokenClaims?: Record<string, unknown> }>;
}

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: the issuer, also the base of every endpoint. */
  issuer: string;
  /** (Re)configures the provider; calling it again with new keys is a key rotation. */
  configure(config: TestOidcProviderConfig): Promise<void>;
  /** The authorization code + PKCE flow through the provider's login and consent pages, over HTTP. */
  signIn(request: { login: string; clientId: string; redirectUri: string; scope: string }): Promise<{ access_token: string; refresh_token?: string; expires_in: number }>;
  /** How many times the JWKS was fetched. */
  jwksRequests(): Promise<number>;
  stop(): Promise<void>;
}

interface Reply {
  type: string;
  [key: string]: unknown;
}

const SCRIPT = join(__dirname, 'oidc-provider-process.mjs');
const START_TIMEOUT_MS = 15_000;

/** Starts the certified `oidc-provider` in a child process on a free port (see the script's header). */
export async function startOidcProvider(): Promise<TestOidcProvider> {
  const child = fork(SCRIPT, [], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-10_000)));
  const listening = await nextReply(child, () => output, START_TIMEOUT_MS);
  const issuer = String(listening['issuer']);
  // One request at a time: each reply answers the request before it.
  let queue: Promise<unknown> = Promise.resolve();
  function ask(message: object): Promise<Reply> {
    const answer = queue.then(() => {
      child.send(message);
      return nextReply(child, () => output, START_TIMEOUT_MS);
    });
    queue = answer.catch(() => undefined);
    return answer;
  }
  return {
    issuer,
    async configure(config) {
      await ask({ type: 'configure', config });
    },
    async signIn(request) {
      const reply = await ask({ type: 'sign-in', request });
      if (reply.type !== 'signed-in') throw new Error(`sign-in at the test provider failed: ${String(reply['message'])}`);
      return reply['tokens'] as { access_token: string; refresh_token?: string; expires_in: number };
    },
    async jwksRequests() {
      return Number((await ask({ type: 'stats' }))['jwksRequests']);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function nextReply(child: ChildProcess, output: () => string, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`the test OpenID provider did not answer within ${timeoutMs} ms:\n${output()}`)), timeoutMs);
    const onMessage = (message: Reply) => finish(undefined, message);
    const onExit = (code: number | null) => finish(new Error(`the test OpenID provider exited (${code}):\n${output()}`));
    function finish(error?: Error, message?: Reply) {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(message as Reply);
    }
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
