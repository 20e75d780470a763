import type { OpenFrameApi } from '../contract/open-frame-api';

/** c_openFrameAPI.md, Note: "use the following resource URI: https://[servicenow instance]/scripts/openframe/latest/openFrameAPI.min.js". */
const SCRIPT_PATH = '/scripts/openframe/latest/openFrameAPI.min.js';

/**
 * Where openFrameAPI comes from: `?instance=<base URL>`, else the page that framed this one. Only a
 * ServiceNow instance (https, *.service-now.com) or this origin (the local host-page harness) may
 * supply the script, since it runs with the agent's gateway token at hand.
 */
export function openFrameScriptUrl(location: Pick<Location, 'href' | 'origin'>, referrer: string): string | undefined {
  const requested = new URL(location.href).searchParams.get('instance') ?? (referrer ? new URL(referrer).origin : '');
  if (!requested) return undefined;
  let base: URL;
  try {
    base = new URL(requested);
  } catch {
    return undefined;
  }
  const instance = base.protocol === 'https:' && base.hostname.endsWith('.service-now.com');
  if (!instance && base.origin !== location.origin) return undefined;
  return `${base.href.replace(/\/+$/, '')}${SCRIPT_PATH}`;
}

export function loadOpenFrameApi(scriptUrl: string): Promise<OpenFrameApi> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = scriptUrl;
    script.onload = () => {
      const api = (window as unknown as { openFrameAPI?: OpenFrameApi }).openFrameAPI;
      if (api) resolve(api);
      else reject(new Error(`${scriptUrl} did not define openFrameAPI`));
    };
    script.onerror = () => reject(new Error(`Could not load ${scriptUrl}`));
    document.head.append(script);
  });
}
