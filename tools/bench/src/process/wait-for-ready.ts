import { get } from 'node:http';
import { performance } from 'node:perf_hooks';

function status(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(undefined));
  });
}

/** Polls `url` every `intervalMs` until it answers 200; resolves with when it did (performance.now()). */
export async function waitForStatus200(url: string, timeoutMs: number, intervalMs = 5, gaveUp?: () => string | undefined): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if ((await status(url)) === 200) return performance.now();
    const reason = gaveUp?.();
    if (reason) throw new Error(reason);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}
