import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { IccError } from '@icc/core';

/** Where subscribers may be: https on the public internet unless the operator allows more (SSRF). */
export interface EndpointPolicy {
  /** `http://localhost`, `127.0.0.1` and `[::1]` (development and tests): ICC_WEBHOOKS_OUT_ALLOW_LOCALHOST. */
  allowLocalhost: boolean;
  /** Private, link-local, shared and other non-public addresses: ICC_WEBHOOKS_OUT_ALLOW_PRIVATE_NETWORKS. */
  allowPrivateNetworks: boolean;
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** Not the public internet: RFC 1918, link-local (cloud metadata at 169.254.169.254), CGNAT, multicast, reserved, ULA. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

const LOCALHOST_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why `address` may not be called under `policy`, or undefined when it may. IPv4-mapped IPv6 is judged as IPv4. */
export function refusalOfAddress(address: string, policy: EndpointPolicy): string | undefined {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  const ip = mapped ?? address;
  const family = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(ip, family)) return policy.allowLocalhost ? undefined : `${address} is a loopback address`;
  if (NON_PUBLIC.check(ip, family)) return policy.allowPrivateNetworks ? undefined : `${address} is not a public address`;
  return undefined;
}

function refuse(message: string): never {
  throw new IccError('validation_failed', message, [{ path: ['url'], message, code: 'custom' }]);
}

/**
 * Checks a subscriber URL before it is stored: https (http only to localhost when allowed), no
 * credentials in it, and every address its host resolves to allowed. Deliveries check the address
 * again as they connect (`guardedLookup`), so a name re-pointed later is refused too.
 */
export async function checkEndpointUrl(raw: string, policy: EndpointPolicy): Promise<URL> {
  const url = new URL(raw);
  if (url.username || url.password) refuse('The URL may not carry credentials');
  const localhostName = LOCALHOST_NAMES.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && localhostName && policy.allowLocalhost)) {
    refuse('The URL must be https (http only to localhost, when the gateway allows it for development)');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((found) => found.address);
  } catch {
    refuse(`The host ${host} does not resolve`);
  }
  for (const address of addresses) {
    const refusal = refusalOfAddress(address, policy);
    if (refusal) refuse(`The URL's host resolves to a refused address: ${refusal}`);
  }
  return url;
}
