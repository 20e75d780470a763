// What `npm start -- …` asks for, and the environment the gateway gets from it.

export class StartOptionsError extends Error {}

const STORES = ['sqlite', 'postgres'];
const USAGE = 'use --demo-traffic, --vendor <name>, --store <sqlite|postgres> and/or --no-workspace';

/**
 * @typedef {{ env: Record<string, string>, buildWorkspace: boolean, store: 'sqlite' | 'postgres' | undefined }} StartOptions
 * `store` is undefined when not given: the gateway's default (SQLite, or ICC_STORE if the shell set it).
 * @param {string[]} argv
 * @returns {StartOptions}
 */
export function parseStartArguments(argv) {
  /** @type {StartOptions} */
  const options = { env: {}, buildWorkspace: true, store: undefined };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [name, inlineValue] = argument.startsWith('--') && argument.includes('=') ? splitOnce(argument) : [argument, undefined];
    const value = () => {
      const given = inlineValue ?? argv[++index];
      if (!given || given.startsWith('--')) throw new StartOptionsError(`${name} needs a value, e.g. ${EXAMPLES[name]}`);
      return given;
    };
    if (argument === '--demo-traffic') options.env.ICC_DEMO_TRAFFIC = '1';
    else if (argument === '--no-workspace') options.buildWorkspace = false;
    else if (name === '--vendor') options.env.ICC_VENDOR = value();
    else if (name === '--store') {
      const store = value();
      if (!STORES.includes(store)) {
        throw new StartOptionsError(
          `--store takes sqlite (the embedded default) or postgres (a local server in data/pg), not ${store}; for a server of your own, set ICC_STORE=postgres://… and leave --store out`,
        );
      }
      options.store = store;
    } else throw new StartOptionsError(`unknown option ${argument}; ${USAGE}`);
  }
  return options;
}

const EXAMPLES = { '--vendor': '--vendor mock', '--store': '--store postgres' };

function splitOnce(argument) {
  const at = argument.indexOf('=');
  return [argument.slice(0, at), argument.slice(at + 1)];
}

/**
 * The gateway's environment: this process's, the run's directories, the options' settings, and
 * the store: `postgresUrl` when --store postgres started one; --store sqlite drops a store URL
 * inherited from the shell, so the embedded store is what runs.
 */
/**
 * @param {Record<string, string | undefined>} baseEnv
 * @param {StartOptions} options
 * @param {{ runEnv?: Record<string, string>, postgresUrl?: string }} [extras]
 */
export function gatewayEnvironment(baseEnv, options, { runEnv = {}, postgresUrl } = {}) {
  const env = { ...baseEnv, ...runEnv, ...options.env };
  if (options.store === 'sqlite' || postgresUrl) {
    delete env.ICC_STORE;
    delete env.ICC_DATABASE_URL;
  }
  if (postgresUrl) env.ICC_STORE = postgresUrl;
  return env;
}
