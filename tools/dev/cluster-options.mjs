// What `npm run start:cluster -- …` asks for: its own options, and those of `npm start` it shares
// (--vendor, --demo-traffic, --no-workspace; the store is always a throwaway PostgreSQL).
import { parseStartArguments, StartOptionsError } from './start-options.mjs';

export const DEFAULT_GATEWAYS = 3;
export const DEFAULT_LISTEN_PORT = 3000;
const MAX_GATEWAYS = 9;

/**
 * @typedef {import('./start-options.mjs').StartOptions & { gateways: number, port: number | undefined }} ClusterOptions
 * `port` is undefined when not given: 3000, or the next free port after it.
 * @param {string[]} argv
 * @returns {ClusterOptions}
 */
export function parseClusterArguments(argv) {
  let gateways = DEFAULT_GATEWAYS;
  let port;
  const shared = [];
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const [name, inline] = argument.includes('=') ? [argument.slice(0, argument.indexOf('=')), argument.slice(argument.indexOf('=') + 1)] : [argument, undefined];
    const value = () => {
      const given = inline ?? argv[++index];
      if (!given || given.startsWith('--')) throw new StartOptionsError(`${name} needs a value, e.g. ${name} ${name === '--port' ? DEFAULT_LISTEN_PORT : DEFAULT_GATEWAYS}`);
      return given;
    };
    if (name === '--gateways') gateways = wholeNumber(name, value(), 1, MAX_GATEWAYS);
    else if (name === '--port') port = wholeNumber(name, value(), 1, 65_535);
    else if (name === '--store') throw new StartOptionsError('--store: the cluster always runs on a throwaway PostgreSQL of its own');
    else shared.push(argument);
  }
  let options;
  try {
    options = parseStartArguments(shared);
  } catch (error) {
    if (!(error instanceof StartOptionsError) || !error.message.startsWith('unknown option')) throw error;
    throw new StartOptionsError(`${error.message.split(';')[0]}; use --gateways <n>, --port <n>, --vendor <name>, --demo-traffic and/or --no-workspace`);
  }
  return { ...options, store: 'postgres', gateways, port };
}

function wholeNumber(name, text, min, max) {
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < min || number > max) throw new StartOptionsError(`${name} takes a whole number from ${min} to ${max}, not ${text}`);
  return number;
}
