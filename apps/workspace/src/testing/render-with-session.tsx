import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { SessionProvider } from '../app/session/session-context';
import { createFakeSession, type FakeSession, type FakeSessionOptions } from './fake-session';

/** Renders inside a fake session; `rerender` keeps the same session. */
export function renderWithSession(
  ui: ReactElement,
  options: FakeSessionOptions | FakeSession = {},
): RenderResult & { session: FakeSession } {
  const session = 'sentCommands' in options ? options : createFakeSession(options);
  const wrapper = ({ children }: { children: ReactNode }) => <SessionProvider session={session}>{children}</SessionProvider>;
  return Object.assign(render(ui, { wrapper }), { session });
}
