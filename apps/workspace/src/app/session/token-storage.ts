const TOKEN_KEY = 'icc.workspace.token';

/** The agent token lives in sessionStorage: one tab, one agent, gone when the tab closes. */
export interface TokenStorage {
  read(): string | undefined;
  write(token: string): void;
  clear(): void;
}

export function createSessionTokenStorage(storage: Storage = window.sessionStorage): TokenStorage {
  return {
    read: () => storage.getItem(TOKEN_KEY) ?? undefined,
    write: (token) => storage.setItem(TOKEN_KEY, token),
    clear: () => storage.removeItem(TOKEN_KEY),
  };
}
