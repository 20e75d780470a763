import { lookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { refusalOfAddress, type EndpointPolicy } from './endpoint-policy';

export interface DeliveryAttempt {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  policy: EndpointPolicy;
  signal: AbortSignal;
}

/** `ok` when the subscriber answered 2xx; else why not (kept as the delivery's last error). */
export type DeliveryResult = { ok: true; status: number } | { ok: false; error: string };

/** Resolves like `dns.lookup`, refusing an address the policy forbids: checked as the socket connects (DNS rebinding). */
function guardedLookup(policy: EndpointPolicy) {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.map((found) => refusalOfAddress(found.address, policy)).find((refusal) => refusal !== undefined);
      if (refused) return callback(Object.assign(new Error(`Refused: ${refused}`), { code: 'EREFUSED_ADDRESS' }), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      return first ? callback(null, first.address, first.family) : callback(Object.assign(new Error('No address'), { code: 'ENOTFOUND' }), '');
    });
  };
}

/** One POST of one signed delivery; never throws. The response body is read and dropped. */
export function postDelivery(attempt: DeliveryAttempt): Promise<DeliveryResult> {
  return new Promise((resolve) => {
    const url = new URL(attempt.url);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const options: RequestOptions = {
      method: 'POST',
      headers: { ...attempt.headers, 'content-length': String(Buffer.byteLength(attempt.body)) },
      timeout: attempt.timeoutMs,
      lookup: guardedLookup(attempt.policy) as RequestOptions['lookup'],
      signal: attempt.signal,
    };
    // An IP literal is never looked up: judge it here.
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    const literalRefusal = /^[\d.]+$|:/.test(literal) ? refusalOfAddress(literal, attempt.policy) : undefined;
    if (literalRefusal) return resolve({ ok: false, error: `Refused: ${literalRefusal}` });
    const req = send(url, options, (res) => {
      res.resume();
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, error: `HTTP ${status}` });
      });
      res.on('error', (error) => resolve({ ok: false, error: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`No answer within ${attempt.timeoutMs} ms`)));
    req.on('error', (error) => resolve({ ok: false, error: error.message }));
    req.end(attempt.body);
  });
}
