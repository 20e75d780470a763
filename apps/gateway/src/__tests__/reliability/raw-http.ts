import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  body: string;
  json: unknown;
}

/**
 * One HTTP request with the path sent byte for byte (fetch would normalise `..` and encodings),
 * any body, any header. A connection the server cuts after answering still yields the answer.
 */
export function rawHttp(
  baseUrl: string,
  options: { method: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunked?: boolean },
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let answered: RawAnswer | undefined;
    const outgoing = request(
      { host: hostname, port, method: options.method, path: options.path, headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(body);
          } catch {
            json = undefined;
          }
          answered = { status: response.statusCode ?? 0, body, json };
          resolve(answered);
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    if (options.body === undefined) outgoing.end();
    else if (options.chunked) {
      // Several writes without Content-Length: transfer-encoding chunked.
      const body = Buffer.from(options.body);
      const size = 256 * 1024;
      for (let offset = 0; offset < body.length; offset += size) outgoing.write(body.subarray(offset, offset + size));
      outgoing.end();
    } else outgoing.end(options.body);
  });
}
