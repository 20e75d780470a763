import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/v1/callbacks?limit=10`. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or `undefined` when there was none. */
  body: unknown;
}

export interface ScriptedResponse {
  status: number;
  /** Sent as JSON unless `raw` is given. */
  body?: unknown;
  raw?: { contentType: string; text: string };
}

export interface RecordingHttpServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Answer of the next requests (default: 200 `{}`). */
  respond(answer: ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse)): void;
  close(): Promise<void>;
}

/** A real HTTP server on an ephemeral port that records every request and answers as scripted. */
export async function startRecordingHttpServer(): Promise<RecordingHttpServer> {
  const requests: RecordedRequest[] = [];
  let answer: ScriptedResponse | ((request: RecordedRequest) => ScriptedResponse) = { status: 200, body: {} };

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: incoming.method ?? '',
        url: incoming.url ?? '',
        headers: incoming.headers,
        body: text === '' ? undefined : (JSON.parse(text) as unknown),
      };
      requests.push(recorded);
      const scripted = typeof answer === 'function' ? answer(recorded) : answer;
      const contentType = scripted.raw?.contentType ?? 'application/json';
      const payload = scripted.raw?.text ?? (scripted.body === undefined ? '' : JSON.stringify(scripted.body));
      outgoing.writeHead(scripted.status, { 'content-type': contentType, connection: 'close' });
      outgoing.end(payload);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    respond(next) {
      answer = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
