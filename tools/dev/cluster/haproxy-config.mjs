// The committed HAProxy configuration (haproxy.cfg next to this file) with this run's ports filled in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const HAPROXY_TEMPLATE = join(import.meta.dirname, 'haproxy.cfg');

/**
 * @param {{ listenPort: number, gateways: { name: string, url: string }[] }} cluster
 * @returns {string}
 */
export function haproxyConfig({ listenPort, gateways }) {
  const servers = gateways.map(({ name, url }) => `    server ${name} ${new URL(url).host}`).join('\n');
  return readFileSync(HAPROXY_TEMPLATE, 'utf8').replace('{{LISTEN_PORT}}', String(listenPort)).replace('{{SERVERS}}', servers);
}
