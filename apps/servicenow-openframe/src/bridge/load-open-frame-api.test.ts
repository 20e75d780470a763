import { openFrameScriptUrl } from './load-open-frame-api';

const at = (href: string) => ({ href, origin: new URL(href).origin });

describe('openFrameScriptUrl', () => {
  it('loads openFrameAPI from the ServiceNow instance named in ?instance=', () => {
    expect(openFrameScriptUrl(at('https://icc.example/servicenow/?instance=https://acme.service-now.com'), '')).toBe(
      'https://acme.service-now.com/scripts/openframe/latest/openFrameAPI.min.js',
    );
  });

  it('falls back to the framing instance', () => {
    expect(openFrameScriptUrl(at('https://icc.example/servicenow/'), 'https://acme.service-now.com/now/cwf/agent/home')).toBe(
      'https://acme.service-now.com/scripts/openframe/latest/openFrameAPI.min.js',
    );
  });

  it('allows this origin (the local harness stand-in)', () => {
    expect(openFrameScriptUrl(at('http://127.0.0.1:3000/servicenow/?instance=http://127.0.0.1:3000/servicenow/'), '')).toBe(
      'http://127.0.0.1:3000/servicenow/scripts/openframe/latest/openFrameAPI.min.js',
    );
  });

  it.each(['https://evil.example', 'http://acme.service-now.com', 'https://service-now.com.evil.example', 'not a url::'])('refuses %s', (instance) => {
    expect(openFrameScriptUrl(at(`https://icc.example/servicenow/?instance=${encodeURIComponent(instance)}`), '')).toBeUndefined();
  });
});
