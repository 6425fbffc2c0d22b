// The bare limit: node:http + postgres.js, no framework. For each endpoint it replays the statements
// the app sent for that request (captured from PostgreSQL's log, bench/lib/capture.ts), rotating
// over the captured requests, and answers the rows as JSON. /static answers the ceiling's JSON.
// The database client is the app's own (db/client.ts, from the same environment): the same pool
// size, prepare setting and session settings (statement timeout, jit, work_mem), so only the
// framework and the app's code differ.
//   BARE_PORT, DATABASE_URL and the app's DB_* variables
// The harness loads an endpoint's scripts with PUT /__scripts/<name> (JSON EndpointScripts).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Sql } from 'postgres';
import { configFromEnv, openDb } from '../../db/client';
import { replay } from './replay';
import type { EndpointScripts } from './script';

const handle = openDb(configFromEnv());
let sql: Sql;

const endpoints = new Map<string, EndpointScripts & { next: number; listNext: Map<string, number> }>();
const STATIC = JSON.stringify({ items: [], total: 0, page: 1, pageSize: 20 });
let failures = 0;
let lastError = '';

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const server = http.createServer(async (req, res) => {
  const url = req.url ?? '/';
  try {
    if (url === '/static') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(STATIC);
      return;
    }
    if (url === '/__stats') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ failures, lastError }));
      return;
    }
    const put = /^\/__scripts\/([\w-]+)$/.exec(url);
    if (put && req.method === 'PUT') {
      const body = JSON.parse(await readBody(req)) as EndpointScripts;
      endpoints.set(put[1], { ...body, next: 0, listNext: new Map() });
      res.writeHead(204).end();
      return;
    }
    const m = /^\/e\/([\w-]+)/.exec(url);
    const ep = m && endpoints.get(m[1]);
    if (!ep || ep.scripts.length === 0) {
      res.writeHead(404).end();
      return;
    }
    await readBody(req);
    const script = ep.scripts[ep.next++ % ep.scripts.length];
    const vars: Record<string, string> = {};
    for (const [name, src] of Object.entries(ep.vars)) {
      if (src.kind === 'random') vars[name] = `bare-${randomBytes(12).toString('hex')}`;
      else {
        const i = ep.listNext.get(name) ?? 0;
        ep.listNext.set(name, i + 1);
        vars[name] = src.values[i % src.values.length];
      }
    }
    const rows = await replay(sql, script, vars);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(json(rows));
  } catch (e) {
    failures++;
    lastError = (e as Error).message;
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(lastError);
  }
});

server.keepAliveTimeout = 65_000;
void handle.then((h) => {
  if (h.kind !== 'postgres') throw new Error('the bare server needs DATABASE_URL');
  sql = (h.db as unknown as { $client: Sql }).$client;
  server.listen(Number(process.env.BARE_PORT), '127.0.0.1', () => console.log(`[bare] listening on ${process.env.BARE_PORT}`));
});
for (const sig of ['SIGTERM', 'SIGINT'] as const)
  process.on(sig, () => {
    server.close();
    void handle.then((h) => h.close()).finally(() => process.exit(0));
  });
