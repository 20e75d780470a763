// Preloaded (`node --require`) into the gateway processes the test suites spawn, when ICC_OPENAPI_AUDIT_DIR is set:
// appends each answer of an app serving an OpenAPI document to <dir>/<pid>.ndjson, which the parent's jest setup
// audits against that document (audit-responses.setup.ts). Plain CommonJS: it runs before any TypeScript loader.
'use strict';
const { openSync, writeSync } = require('node:fs');
const { ServerResponse } = require('node:http');
const { join } = require('node:path');

const dir = process.env.ICC_OPENAPI_AUDIT_DIR;
if (dir) {
  // Synchronous: a gateway killed with SIGKILL has written every answer it gave.
  const fd = openSync(join(dir, `${process.pid}.ndjson`), 'a');
  const out = { write: (line) => writeSync(fd, line) };
  const documents = new WeakMap();
  let nextDocument = 0;
  const CHUNKS = Symbol('icc.openapi-audit.chunks');
  const documentOf = (res) => {
    const served = res.app && res.app.locals && res.app.locals.openApiDocument;
    return typeof served === 'function' ? served : undefined;
  };
  const keep = (res, chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function' || !documentOf(res)) return;
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    (res[CHUNKS] = res[CHUNKS] || []).push(buffer);
  };
  // As record-responses.ts's headerValues: values as text, the way they went on the wire.
  const headerValues = (headers) => {
    const values = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) values[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    return values;
  };
  const { write, end } = ServerResponse.prototype;
  ServerResponse.prototype.write = function (chunk, ...rest) {
    keep(this, chunk, rest[0]);
    return write.call(this, chunk, ...rest);
  };
  ServerResponse.prototype.end = function (chunk, ...rest) {
    keep(this, chunk, rest[0]);
    const served = documentOf(this);
    if (served && this.req.method !== 'HEAD') {
      if (!documents.has(served)) {
        documents.set(served, nextDocument++);
        out.write(JSON.stringify({ document: documents.get(served), servedDocument: served() }) + '\n');
      }
      const contentType = this.getHeader('content-type');
      out.write(
        JSON.stringify({
          exchange: documents.get(served),
          method: this.req.method,
          url: this.req.originalUrl || this.req.url,
          status: this.statusCode,
          contentType: typeof contentType === 'string' ? contentType : undefined,
          headers: headerValues(this.getHeaders()),
          body: Buffer.concat(this[CHUNKS] || []).toString('base64'),
        }) + '\n',
      );
      this[CHUNKS] = undefined;
    }
    return end.call(this, chunk, ...rest);
  };
}
