/** `/usr/lib/postgresql/15/bin`: where Debian's `postgresql-15` package puts the server binaries. */
export declare const DEFAULT_POSTGRES_BIN_DIR: string;
/** As root, initdb and pg_ctl run as this user. */
export declare const SERVER_USER: 'postgres';

export type LocalPostgresErrorCode =
  | 'binaries_missing'
  | 'server_user_missing'
  | 'directory_unreachable'
  | 'init_failed'
  | 'port_in_use'
  | 'already_running'
  | 'start_failed';

/** One line saying what failed and what to do; `logFile` when the server's log has the rest. */
export declare class LocalPostgresError extends Error {
  constructor(message: string, code: LocalPostgresErrorCode, logFile?: string);
  readonly code: LocalPostgresErrorCode;
  readonly logFile: string | undefined;
}

/** `ICC_PG_BIN`, else the Debian location. */
export declare function postgresBinDir(env?: NodeJS.ProcessEnv): string;
/** Throws `binaries_missing` / `server_user_missing` with the fix in the message. */
export declare function assertPostgresInstalled(binDir?: string): void;
/** Free TCP port on loopback (asked from the kernel, then released for the server to take). */
export declare function freePort(): Promise<number>;

export interface LocalPostgresStartOptions {
  port: number;
  /** Extra server settings (`-c name=value`), e.g. `{ fsync: 'off' }`. */
  settings?: Record<string, string>;
  /** Where the Unix socket goes; none (TCP on 127.0.0.1 only) when empty or absent. */
  socketDir?: string;
}

export interface LocalPostgresCluster {
  readonly dir: string;
  /** `dir/data`, the server's data directory. */
  readonly dataDir: string;
  /** `dir/server.log`, appended to by every start. */
  readonly logFile: string;
  isInitialized(): boolean;
  /** Creates the cluster unless `dir` holds one; resolves true when it did. `sync: false` skips initdb's fsyncs. */
  init(options?: { sync?: boolean }): Promise<boolean>;
  start(options: LocalPostgresStartOptions): Promise<void>;
  isRunning(): boolean;
  stop(): Promise<void>;
  stopSync(): void;
}

export declare function localPostgresCluster(options: { dir: string; binDir?: string }): LocalPostgresCluster;
/** Starts on a free port (another one if it was taken meanwhile); resolves the port. */
export declare function startOnFreePort(cluster: LocalPostgresCluster, options?: Omit<LocalPostgresStartOptions, 'port'>): Promise<number>;
