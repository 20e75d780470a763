import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseClusterArguments } from '../cluster-options.mjs';
import { haproxyConfig } from '../cluster/haproxy-config.mjs';

const HAPROXY = process.env['ICC_HAPROXY'] || '/usr/sbin/haproxy';

describe('npm run start:cluster options', () => {
  it('defaults to three gateways on the next free port from 3000, always on PostgreSQL', () => {
    expect(parseClusterArguments([])).toEqual({ env: {}, buildWorkspace: true, store: 'postgres', gateways: 3, port: undefined });
  });

  it('reads its own options in both spellings, and the ones it shares with npm start', () => {
    expect(parseClusterArguments(['--gateways', '2', '--port=3100', '--vendor=mock', '--no-workspace', '--demo-traffic'])).toEqual({
      env: { ICC_VENDOR: 'mock', ICC_DEMO_TRAFFIC: '1' },
      buildWorkspace: false,
      store: 'postgres',
      gateways: 2,
      port: 3100,
    });
  });

  it('refuses what it cannot run, in one line naming the fix', () => {
    expect(() => parseClusterArguments(['--gateways', '0'])).toThrow('--gateways takes a whole number from 1 to 9, not 0');
    expect(() => parseClusterArguments(['--gateways=2.5'])).toThrow('--gateways takes a whole number from 1 to 9, not 2.5');
    expect(() => parseClusterArguments(['--port', '70000'])).toThrow('--port takes a whole number from 1 to 65535, not 70000');
    expect(() => parseClusterArguments(['--port'])).toThrow('--port needs a value, e.g. --port 3000');
    expect(() => parseClusterArguments(['--store', 'sqlite'])).toThrow('--store: the cluster always runs on a throwaway PostgreSQL of its own');
    expect(() => parseClusterArguments(['--replicas', '3'])).toThrow(
      'unknown option --replicas; use --gateways <n>, --port <n>, --vendor <name>, --demo-traffic and/or --no-workspace',
    );
    expect(() => parseClusterArguments(['--vendor'])).toThrow('--vendor needs a value, e.g. --vendor mock');
  });
});

describe('the committed HAProxy configuration', () => {
  const config = haproxyConfig({
    listenPort: 3100,
    gateways: [
      { name: 'gateway-1', url: 'http://127.0.0.1:41001' },
      { name: 'gateway-2', url: 'http://127.0.0.1:41002' },
    ],
  });

  it('listens on the given port in front of one server line per gateway, checked on /readyz', () => {
    expect(config).toContain('bind 127.0.0.1:3100');
    expect(config).toContain('    server gateway-1 127.0.0.1:41001\n    server gateway-2 127.0.0.1:41002\n');
    expect(config).toContain('option httpchk GET /readyz');
    expect(config).toMatch(/timeout tunnel 1h/);
    expect(config).toMatch(/option redispatch/);
    expect(config).not.toContain('{{');
  });

  (fs.existsSync(HAPROXY) ? it : it.skip)(`is valid to HAProxy itself (haproxy -c)${fs.existsSync(HAPROXY) ? '' : ` (skipped: no HAProxy at ${HAPROXY})`}`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icc-haproxy-cfg-'));
    try {
      fs.writeFileSync(path.join(dir, 'haproxy.cfg'), config);
      expect(execFileSync(HAPROXY, ['-c', '-f', path.join(dir, 'haproxy.cfg')], { encoding: 'utf8' })).toContain('Configuration file is valid');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
