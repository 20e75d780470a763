import { lazy, Suspense, useMemo, useRef, type MouseEvent, type ReactNode } from 'react';
import { GlobalVoiceControl } from '../global-voice-control/global-voice-control';
import { InboxPage } from '../inbox/inbox-page';
import { InteractionPage } from '../interaction/interaction-page';
import { selectActiveInteractions, selectOffers } from '../interaction/select-interactions';
import { WrapUpModal } from '../interaction/wrap-up-modal';
import { useCallShortcuts } from '../keyboard/use-call-shortcuts';
import { useFocusRescue } from '../keyboard/use-focus-rescue';
import { MyCallbacksPage } from '../callbacks/my-callbacks-page';
import { PresenceSelector } from '../presence/presence-selector';
import { routeHref, type Route } from '../routing/route';
import { useHashRoute } from '../routing/use-hash-route';
import { useWorkspaceState } from '../session/use-workspace-state';
import { PageHeading } from '../ui/page-heading';
import { ConnectionBanner } from './connection-banner';
import { OfferAlert } from './offer-alert';
import bannersCss from './banners.module.css';
import controlsCss from '../ui/controls.module.css';
import offersCss from '../inbox/offers.module.css';
import shellCss from './workspace-shell.module.css';
import { cx } from '../ui/cx';

// Agents never need the supervisor view, so it stays out of the initial bundle.
const SupervisorPage = lazy(() =>
  import('../supervisor/supervisor-page').then((module) => ({ default: module.SupervisorPage })),
);

function RoutedPage({ route, supervisor }: { route: Route; supervisor: boolean }) {
  switch (route.page) {
    case 'inbox':
      return <InboxPage />;
    case 'interaction':
      return <InteractionPage key={route.interactionId} interactionId={route.interactionId} />;
    case 'callbacks':
      return <MyCallbacksPage />;
    case 'supervisor':
      if (!supervisor) {
        return (
          <div className="page">
            <PageHeading>Supervisor</PageHeading>
            <p className={cx(bannersCss.notice, bannersCss.noticeInfo)}>Queue statistics are for supervisors. Sign in as the supervisor to see them.</p>
          </div>
        );
      }
      return (
        <Suspense fallback={<p role="status">Loading the supervisor view…</p>}>
          <SupervisorPage />
        </Suspense>
      );
  }
}

function NavLink({ route, current, children }: { route: Route; current: Route; children: ReactNode }) {
  return (
    <a
      className={shellCss.navLink}
      href={routeHref(route)}
      aria-current={route.page === current.page ? 'page' : undefined}
    >
      {children}
    </a>
  );
}

/** Header, connection banner, Global Voice Control, offer alert and the routed page. */
export function WorkspaceShell({ onSignOut }: { onSignOut(): void }) {
  const { me, interactions } = useWorkspaceState();
  const supervisor = me.role === 'supervisor';
  const route = useHashRoute(supervisor ? { page: 'supervisor' } : { page: 'inbox' });
  const offerCount = useMemo(() => selectOffers(interactions, me.id).length, [interactions, me.id]);
  const wrapUp = useMemo(
    () => selectActiveInteractions(interactions, me.id).find((interaction) => interaction.state === 'wrap-up'),
    [interactions, me.id],
  );
  useCallShortcuts();
  useFocusRescue();
  const mainRef = useRef<HTMLElement>(null);

  function skipToMain(event: MouseEvent): void {
    event.preventDefault();
    mainRef.current?.focus();
  }

  return (
    <div className={shellCss.app}>
      <a className="skip-link" href="#main" onClick={skipToMain}>
        Skip to main content
      </a>
      <header className={shellCss.topbar}>
        <span className={shellCss.brand}>ICC Callbacks</span>
        <nav aria-label="Main" className={shellCss.nav}>
          <NavLink route={{ page: 'inbox' }} current={route}>
            Inbox
            {offerCount > 0 && (
              <>
                <span className={cx(offersCss.count, offersCss.countAlert)} aria-hidden="true">
                  {offerCount}
                </span>
                <span className="visually-hidden">, {offerCount} offers</span>
              </>
            )}
          </NavLink>
          <NavLink route={{ page: 'callbacks' }} current={route}>
            My callbacks
          </NavLink>
          {supervisor && (
            <NavLink route={{ page: 'supervisor' }} current={route}>
              Supervisor
            </NavLink>
          )}
        </nav>
        <div className={shellCss.topbarAgent}>
          <PresenceSelector />
          <span className={shellCss.topbarName}>{me.displayName}</span>
          <button type="button" className={cx(controlsCss.button, controlsCss.buttonQuiet, controlsCss.buttonSmall, shellCss.topbarSignOut)} onClick={onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      <ConnectionBanner />
      <GlobalVoiceControl />
      <OfferAlert onInbox={route.page === 'inbox'} />
      <main id="main" ref={mainRef} tabIndex={-1} className={shellCss.main}>
        <RoutedPage route={route} supervisor={supervisor} />
      </main>
      {wrapUp && <WrapUpModal key={wrapUp.id} interaction={wrapUp} />}
    </div>
  );
}
