import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { exitOnStop, tellParent } from '../../process/child-side';

// Baseline: express 5 parsing the same JSON and answering 201 with a body of similar size.
const app = express();
app.post('/v1/callbacks', express.json({ limit: '64kb' }), (req, res) => {
  res.status(201).json({ id: randomUUID(), number: 'CB0000001', state: 'pending', ...(req.body as object) });
});
const server = app.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  tellParent({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
exitOnStop(() => new Promise((resolve) => server.close(resolve)));
