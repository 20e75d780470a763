import { createFakeClock, type FakeClock } from "@icc/core";
// A test fixture, not a runtime dependency: the real OpenID provider runner the browser suite uses too.
// eslint-disable-next-line @nx/enforce-module-boundaries
import {
  startOidcProvider,
  type TestOidcProvider,
  type TestOidcProviderConfig,
} from "@icc/e2e-support";
import { WS_CLOSE_CODES, type WelcomeFrame } from "@icc/protocol";
import {
  exportJWK,
  generateKeyPair,
  SignJWT,
  type JWK,
  type KeyLike,
} from "jose";
import type { OidcSettings } from "../auth/oidc-settings";
import { rawRequest, startTestGateway, type TestGateway } from "./test-gateway";
import { openStream, type StreamClient } from "./stream-client";

const AUDIENCE = "urn:icc:gateway";
const CLIENT_ID = "icc-workspace";
const REDIRECT_URI = "http://127.0.0.1:9/auth/callback";
const SCOPE = "openid profile icc";
const JWKS_COOLDOWN_MS = 1_000;

async function signingKey(
  kid: string,
): Promise<{ jwk: JWK; privateKey: KeyLike }> {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  return {
    jwk: { ...(await exportJWK(privateKey)), kid, alg: "RS256", use: "sig" },
    privateKey,
  };
}

function providerConfig(keys: JWK[]): TestOidcProviderConfig {
  return {
    clients: [{ client_id: CLIENT_ID, redirect_uris: [REDIRECT_URI] }],
    keys,
    audience: AUDIENCE,
    resourceScope: "icc",
    accessTokenTtlSeconds: 600,
    accounts: {
      "agent-ada": { accessTokenClaims: { icc_roles: ["agent"] } },
      // An ICC agent the provider makes a supervisor: the configured role claim decides.
      "agent-grace": {
        accessTokenClaims: { icc_roles: ["callbacks-supervisor", "staff"] },
      },
      "supervisor-sam": {},
    },
  };
}

describe("OpenID Connect sign-in against a real provider (oidc-provider)", () => {
  let provider: TestOidcProvider;
  let firstKey: Awaited<ReturnType<typeof signingKey>>;
  let t: TestGateway;
  let timerClock: FakeClock;
  const streams: StreamClient[] = [];

  const signIn = async (login: string) =>
    (
      await provider.signIn({
        login,
        clientId: CLIENT_ID,
        redirectUri: REDIRECT_URI,
        scope: SCOPE,
      })
    ).access_token;
  const me = (token: string) =>
    rawRequest(`${t.url}/v1/me`, {
      method: "GET",
      headers: { authorization: `Bearer ${token}` },
    });
  const openHello = async (token: string) => {
    const stream = await openStream(t.url);
    streams.push(stream);
    stream.hello(token);
    return stream;
  };
  const settings = (): OidcSettings => ({
    issuer: provider.issuer,
    audience: AUDIENCE,
    clientId: CLIENT_ID,
    scopes: SCOPE,
    agentClaim: "sub",
    roleClaim: "icc_roles",
    supervisorValues: ["callbacks-supervisor"],
    jwksCooldownMs: JWKS_COOLDOWN_MS,
  });

  beforeAll(async () => {
    provider = await startOidcProvider();
  });
  afterAll(async () => {
    await provider.stop();
  });
  beforeEach(async () => {
    firstKey = await signingKey("key-1");
    await provider.configure(providerConfig([firstKey.jwk]));
    // The provider stamps real time; the gateway's transport clock starts there and is advanced by hand.
    timerClock = createFakeClock(new Date().toISOString());
    t = await startTestGateway({
      timerClock,
      oidc: settings(),
      stream: { heartbeatSeconds: 86_400 },
    });
  });
  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.close()));
    await t.close();
  });

  it("tells the workspace which provider to sign in with", async () => {
    const config = await rawRequest(`${t.url}/v1/auth/config`, {
      method: "GET",
    });
    expect(config.status).toBe(200);
    expect(config.body).toEqual({
      devSignIn: true,
      oidc: { issuer: provider.issuer, clientId: CLIENT_ID, scopes: SCOPE },
    });
    const document = (
      await rawRequest(`${t.url}/v1/openapi.json`, { method: "GET" })
    ).body as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { description: string }> }>
      >;
    };
    expect(
      document.paths["/v1/auth/config"]?.["get"]?.responses["200"],
    ).toBeDefined();
    expect(
      document.paths["/v1/me"]?.["get"]?.responses["403"]?.description,
    ).toContain("unknown_agent");
  });

  it("accepts the access token from the authorization code + PKCE flow for REST and the agent stream", async () => {
    const token = await signIn("agent-ada");
    const answer = await me(token);
    expect(answer).toMatchObject({
      status: 200,
      body: { id: "agent-ada", role: "agent" },
    });
    const stream = await openHello(token);
    const welcome = await stream.waitFor<WelcomeFrame>(
      (frame) => frame.type === "welcome",
    );
    expect(welcome.agent).toMatchObject({ id: "agent-ada", role: "agent" });
    expect(welcome.tokenExpiresInSeconds).toBeGreaterThan(590);
    await stream.waitFor((frame) => frame.type === "snapshot");
  });

  it("takes the role from the configured claim: a supervisor value grants supervisor routes, its absence does not", async () => {
    const grace = await signIn("agent-grace");
    expect(await me(grace)).toMatchObject({
      status: 200,
      body: { id: "agent-grace", role: "supervisor" },
    });
    expect(
      (
        await rawRequest(`${t.url}/v1/queues/stats`, {
          method: "GET",
          headers: { authorization: `Bearer ${grace}` },
        })
      ).status,
    ).toBe(200);
    const welcome = await (
      await openHello(grace)
    ).waitFor<WelcomeFrame>((frame) => frame.type === "welcome");
    expect(welcome.agent.role).toBe("supervisor");

    // Sam is a supervisor in ICC, but the provider grants no supervisor value: the claim decides.
    const sam = await signIn("supervisor-sam");
    expect(await me(sam)).toMatchObject({
      status: 200,
      body: { id: "supervisor-sam", role: "agent" },
    });
    expect(
      await rawRequest(`${t.url}/v1/queues/stats`, {
        method: "GET",
        headers: { authorization: `Bearer ${sam}` },
      }),
    ).toMatchObject({
      status: 403,
      body: { code: "forbidden" },
    });
  });

  it("answers 403 unknown_agent (REST) and closes the stream 4403 for someone the provider knows but ICC does not", async () => {
    const token = await signIn("mallory");
    expect(await me(token)).toMatchObject({
      status: 403,
      body: {
        code: "unknown_agent",
        message: expect.stringContaining('"mallory"'),
      },
    });
    const stream = await openHello(token);
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.forbidden,
    });
    expect(stream.frames.at(-1)).toMatchObject({
      type: "error",
      error: { code: "unknown_agent" },
    });
  });

  it("refuses tokens with the wrong issuer, the wrong audience or a signature by another key", async () => {
    const forge = (claims: { iss: string; aud: string }, key = firstKey) =>
      new SignJWT({ icc_roles: ["callbacks-supervisor"] })
        .setProtectedHeader({ alg: "RS256", kid: key.jwk.kid ?? "" })
        .setSubject("agent-ada")
        .setIssuer(claims.iss)
        .setAudience(claims.aud)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(key.privateKey);
    // The same key and claims are accepted, so each refusal below is down to the one thing changed.
    expect(
      (await me(await forge({ iss: provider.issuer, aud: AUDIENCE }))).status,
    ).toBe(200);

    const wrongIssuer = await me(
      await forge({ iss: "https://idp.example.com", aud: AUDIENCE }),
    );
    expect(wrongIssuer).toMatchObject({
      status: 401,
      body: { code: "unauthorized" },
    });
    const wrongAudience = await me(
      await forge({ iss: provider.issuer, aud: "urn:another-api" }),
    );
    expect(wrongAudience).toMatchObject({
      status: 401,
      body: { code: "unauthorized", message: expect.stringContaining('"aud"') },
    });
    const impostor = await signingKey("key-1");
    const otherKey = await me(
      await forge({ iss: provider.issuer, aud: AUDIENCE }, impostor),
    );
    expect(otherKey).toMatchObject({
      status: 401,
      body: {
        code: "unauthorized",
        message: expect.stringContaining("signature"),
      },
    });
  });

  it("refuses an expired token on REST and ends the stream it opened with tokenExpired (4002)", async () => {
    const token = await signIn("agent-ada");
    const stream = await openHello(token);
    const welcome = await stream.waitFor<WelcomeFrame>(
      (frame) => frame.type === "welcome",
    );
    timerClock.advance((welcome.tokenExpiresInSeconds ?? 0) * 1000 + 1000);
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.tokenExpired,
    });
    expect(await me(token)).toMatchObject({
      status: 401,
      body: {
        code: "unauthorized",
        message: expect.stringContaining("expired"),
      },
    });
  });

  it("keeps a stream open across a reauth with a fresh provider token", async () => {
    const stream = await openHello(await signIn("agent-ada"));
    await stream.waitFor((frame) => frame.type === "snapshot");
    stream.send({ type: "reauth", token: await signIn("agent-ada") });
    await stream.waitFor((frame) => frame.type === "reauthenticated");
    stream.send({ type: "reauth", token: await signIn("agent-grace") });
    expect(await stream.waitForClose()).toMatchObject({
      code: WS_CLOSE_CODES.forbidden,
    });
  });

  it("follows a key rotation: a new kid refetches the JWKS (at most once per cooldown) and the retired key stops working", async () => {
    const stranger = await signingKey("stranger");
    const forged = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        new SignJWT({})
          .setProtectedHeader({ alg: "RS256", kid: `forged-${index}` })
          .setSubject("agent-ada")
          .setIssuer(provider.issuer)
          .setAudience(AUDIENCE)
          .setExpirationTime("5m")
          .sign(stranger.privateKey),
      ),
    );
    const before = await signIn("agent-ada");
    expect((await me(before)).status).toBe(200);
    const fetchesAfterFirstUse = await provider.jwksRequests();

    const secondKey = await signingKey("key-2");
    await provider.configure(providerConfig([secondKey.jwk]));
    const after = await signIn("agent-ada");
    await new Promise((resolve) => setTimeout(resolve, JWKS_COOLDOWN_MS + 100));
    expect((await me(after)).status).toBe(200);
    expect(await provider.jwksRequests()).toBe(fetchesAfterFirstUse + 1);
    expect((await me(before)).status).toBe(401);

    // Tokens naming unknown kids, in a burst: refused without asking the provider again within the cooldown.
    for (const token of forged) expect((await me(token)).status).toBe(401);
    expect(await provider.jwksRequests()).toBe(fetchesAfterFirstUse + 1);
  });

  it("still signs in with the gateway's own dev tokens next to the provider's", async () => {
    const ada = await t.signIn("agent-ada");
    expect((await me(ada.token)).status).toBe(200);
  });
});
