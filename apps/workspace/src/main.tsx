// Stylesheets first, so the cascade keeps this order whatever order the components load in: the
// document styles, then the CSS modules (each lives next to its component and is imported there too;
// these imports only fix the order, and keep the plain class names of the supervisor view loaded).
import "./styles/base.css";
import "./app/shell/workspace-shell.module.css";
import "./app/presence/presence.module.css";
import "./app/shell/banners.module.css";
import "./app/global-voice-control/global-voice-control.module.css";
import "./app/ui/card.module.css";
import "./app/inbox/offers.module.css";
import "./app/ui/facts.module.css";
import "./app/interaction/interaction.module.css";
import "./app/ui/badges.module.css";
import "./app/ui/controls.module.css";
import "./app/callbacks/tabs.module.css";
import "./app/ui/table.module.css";
import "./app/ui/modal-dialog.module.css";
import "./app/sign-in/sign-in.module.css";
import "./app/timeline/timeline.module.css";
import type { Agent, OidcSignInConfig } from "@icc/protocol";
import { lazy, StrictMode, Suspense } from "react";
import { customerStatusLink } from "./app/customer-status/customer-status-link";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import {
  createBrowserSession,
  createSignInGateway,
} from "./app/session/create-browser-session";
import {
  createOidcSignIn,
  OIDC_CALLBACK_PATH,
  type OidcSignIn,
} from "./app/session/oidc-sign-in";
import { createSessionTokenStorage } from "./app/session/token-storage";
import type { SignedInVia } from "./app/session/workspace-session";

const tokens = createSessionTokenStorage();
const signIn = createSignInGateway(tokens.read);
const oidcFor = oneFlowPerProvider(createOidcSignIn);
/** The session refreshes its token the way the tab signed in, shortly before the gateway would end the stream. */
const refreshToken = (agent: Agent, via: SignedInVia) => async () => {
  const token =
    via.kind === "oidc"
      ? await via.oidc.refresh()
      : (await signIn.devSignIn(agent.id)).token;
  if (token) tokens.write(token);
  return token;
};
const callbackUrl =
  window.location.pathname === OIDC_CALLBACK_PATH
    ? window.location.href
    : undefined;
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The customer status page (an SMS link, no sign-in) loads only its own chunk.
const statusLink = customerStatusLink(window.location);
const CustomerStatusPage = lazy(() =>
  import("./app/customer-status/customer-status-page").then((module) => ({
    default: module.CustomerStatusPage,
  })),
);

createRoot(root).render(
  statusLink ? (
    <StrictMode>
      <Suspense fallback={<p>Loading…</p>}>
        <CustomerStatusPage
          callbackId={statusLink.callbackId}
          token={statusLink.token}
        />
      </Suspense>
    </StrictMode>
  ) : (
    <StrictMode>
      <App
        signIn={signIn}
        tokens={tokens}
        oidcFor={oidcFor}
        {...(callbackUrl === undefined ? {} : { callbackUrl })}
        openSession={(agent, via) =>
          createBrowserSession({
            getToken: tokens.read,
            refreshToken: refreshToken(agent, via),
            signedIn: agent,
          })
        }
      />
    </StrictMode>
  ),
);

function oneFlowPerProvider(
  create: (config: OidcSignInConfig) => OidcSignIn,
): (config: OidcSignInConfig) => OidcSignIn {
  const flows = new Map<string, OidcSignIn>();
  return (config) => {
    const key = JSON.stringify(config);
    const flow = flows.get(key) ?? create(config);
    flows.set(key, flow);
    return flow;
  };
}
