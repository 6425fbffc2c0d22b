// The app's HTTP server (what `npm start` runs, through scripts/start.ts): Next's request handler
// behind node:http, so the app learns the client's address from the socket. Next's own server keeps
// a client-sent X-Forwarded-For and fills one in only when it is missing, so headers alone cannot
// tell a forged address from a real one; here every request gets x-krt-client-address from the
// socket (or, behind TRUST_PROXY_HOPS proxies, from X-Forwarded-For), after any client-sent copy
// is deleted (lib/auth/client-address.ts).
//
// Every request also gets an x-request-id (a proxy's own is kept when it looks like one; proxy.ts
// and the audit rows carry it on), runs inside its request context (lib/server/log-context.ts), and ends
// with one JSON log line (request id, user id, method, route, status, duration) and its metrics.
// SERVER_LOG_FILE: everything this process writes to stdout and stderr is appended there too
// (the e2e run scans it for secrets).
//
// In production, the public pages' whole answers for visitors without a session come from a
// per-instance cache keyed by the catalogue version (lib/server/page-cache.ts; PAGE_CACHE_MB, 32;
// PAGE_CACHE=off turns it off), and a signed-in user's own list pages from one keyed by the user,
// their account state and the data version (lib/server/private-page-cache.ts; PRIVATE_PAGE_CACHE_MB,
// 32; PRIVATE_PAGE_CACHE=off turns it off).
//
// SIGTERM / SIGINT: stop accepting connections, let requests in flight finish (up to
// SHUTDOWN_GRACE_MS), close the database, exit 0.
//
//   tsx scripts/server.ts [--dev]      PORT (3000), TRUST_PROXY_HOPS (0); listens on all interfaces
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import v8 from 'node:v8';
import { stampClientAddress, trustedProxyHops } from '../lib/auth/client-address';
import { log, logError } from '../lib/server/log';
import { hasMalformedPath, refuseMalformedPath } from '../lib/server/malformed-url';
import { requestIdFrom, runWithRequest, type RequestContext } from '../lib/server/log-context';
import { requestFinished, requestStarted, routeLabel } from '../lib/server/metrics';
import { PageCache, withPageCache } from '../lib/server/page-cache';
import { ENTRIES_PER_USER, PRIVATE_PAGE_TTL_MS, withPrivatePageCache } from '../lib/server/private-page-cache';
import { CATALOGUE_ENTRY_TTL_MS } from '../lib/server/render-reads';

const SHUTDOWN_GRACE_MS = 10_000;

/** The database handles db/index.ts opens, by their globalThis slot, closed in this order on shutdown. */
const DATABASE_SLOTS = [
  ['__kerongtongDb', 'the database'],
  ['__kerongtongReplica', 'the read replica'],
  ['__kerongtongFiguresDb', 'the figures pool'],
] as const;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Every request: the client address stamped (client-sent copy dropped) before Next sees it. */
export function withClientAddress(handle: Handler, trustedHops: number): http.RequestListener {
  return (req, res) => {
    stampClientAddress(req.headers, req.socket.remoteAddress, trustedHops);
    if (hasMalformedPath(req.url)) return refuseMalformedPath(res);
    handle(req, res).catch((e: unknown) => {
      logError('server', e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
}

/** Quiet routes: logged at debug (still counted in the metrics). */
const QUIET = /^\/(_next\/static\/|_next\/image|favicon\.ico|api\/health)/;

/** Every request: a request id, its context for the log lines written meanwhile, one line and its metrics at the end. */
export function withRequestLog(listener: http.RequestListener): http.RequestListener {
  return (req, res) => {
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: requestIdFrom(req.headers['x-request-id']) };
    req.headers['x-request-id'] = context.requestId;
    res.setHeader('x-request-id', context.requestId);
    requestStarted();
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // An aborted request has no status the client saw; 499 as nginx logs it.
      const status = res.writableFinished ? res.statusCode : 499;
      const method = req.method ?? 'GET';
      const route = routeLabel(req.url, status);
      requestFinished({ method, route, status, seconds });
      const path = (req.url ?? '/').split('?')[0];
      const line = {
        reqId: context.requestId,
        ...(context.userId ? { userId: context.userId } : {}),
        method,
        route,
        path,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(req.headers['next-action'] ? { action: true } : {}),
      };
      const level = status >= 500 ? 'error' : QUIET.test(path) ? 'debug' : 'info';
      log()[level](line, 'request');
    };
    res.on('finish', finish);
    res.on('close', finish);
    runWithRequest(context, () => listener(req, res));
  };
}

/** SERVER_LOG_FILE: a copy of stdout and stderr, appended (the e2e run scans it afterwards). */
export function copyOutputTo(file: string | undefined): void {
  if (!file) return;
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const out = fs.createWriteStream(file, { flags: 'a' });
  out.on('error', (e) => process.stderr.write(`[server] SERVER_LOG_FILE ${file}: ${e.message}\n`));
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      out.write(typeof chunk === 'string' || Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? chunk : String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

/** The public pages' cache: PAGE_CACHE_MB (32) of bodies at most, entries as long as their catalogue data. */
function pageCacheFromEnv(): PageCache {
  const mb = Number(process.env.PAGE_CACHE_MB || 32);
  return new PageCache({ maxBytes: Math.max(1, mb) * 1024 * 1024, ttlMs: CATALOGUE_ENTRY_TTL_MS });
}

/** Signed-in users' own list pages: PRIVATE_PAGE_CACHE_MB (32) of bodies at most, each entry PRIVATE_PAGE_TTL_MS at most. */
function privatePageCacheFromEnv(): PageCache {
  const mb = Number(process.env.PRIVATE_PAGE_CACHE_MB || 32);
  return new PageCache({ name: 'private', maxBytes: Math.max(1, mb) * 1024 * 1024, ttlMs: PRIVATE_PAGE_TTL_MS, perOwner: ENTRIES_PER_USER });
}

/** Next's handler behind the page caches that are on (none in development). */
function withPageCaches(nextHandle: Handler, dev: boolean): Handler {
  if (dev) return nextHandle;
  let handle = nextHandle;
  if (process.env.PAGE_CACHE !== 'off') handle = withPageCache(handle, pageCacheFromEnv());
  if (process.env.PRIVATE_PAGE_CACHE !== 'off') {
    // As next-auth decides whether its cookies carry __Secure-.
    const secure = (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
    handle = withPrivatePageCache(handle, privatePageCacheFromEnv(), { secure, replica: !!process.env.DATABASE_REPLICA_URL });
  }
  return handle;
}

export interface RunningServer {
  server: http.Server;
  url: string;
  /** Graceful: stop accepting, finish in-flight requests, close Next and the database. */
  close(): Promise<void>;
}

export async function startServer(opts: { dev: boolean; port: number; hostname?: string; dir?: string }): Promise<RunningServer> {
  const hops = trustedProxyHops(process.env.TRUST_PROXY_HOPS);
  // Next and React pick their production or development builds from NODE_ENV when first loaded.
  (process.env as Record<string, string>).NODE_ENV = opts.dev ? 'development' : 'production';
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev: opts.dev, dir: opts.dir ?? process.cwd(), hostname: 'localhost', port: opts.port, httpServer: server });
  await app.prepare();
  const nextHandle = app.getRequestHandler();
  const handle = withPageCaches(nextHandle, opts.dev);

  let inFlight = 0;
  const listener = withRequestLog(withClientAddress(handle, hops));
  server.on('request', (req, res) => {
    inFlight++;
    res.on('close', () => inFlight--);
    listener(req, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.hostname, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Keep-alive connections: closed as soon as they are idle, so finished requests do not hold
      // the server open; the rest are cut when the grace period ends.
      const idle = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => {
        log().warn({ inFlight, graceMs: SHUTDOWN_GRACE_MS }, 'shutdown: requests still running after the grace period; closing their connections');
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(idle);
      clearTimeout(deadline);
      await app.close().catch(() => {});
      // db/index.ts caches its handles on globalThis (the app's, the replica's, the figures' pool);
      // closing the app's releases the PGlite folder lock.
      for (const [slot, name] of DATABASE_SLOTS) {
        const handle = (globalThis as unknown as Record<string, Promise<{ close(): Promise<void> } | null> | undefined>)[slot];
        if (handle) await handle.then((h) => h?.close()).catch((e: unknown) => log().error({ err: e }, `shutdown: closing ${name} failed`));
      }
    })());

  return { server, url: `http://localhost:${port}`, close };
}

/** Runs the server until SIGTERM or SIGINT, then shuts it down gracefully and exits 0. */
export async function runServer(opts: { dev: boolean; port: number; hostname?: string }): Promise<void> {
  copyOutputTo(process.env.SERVER_LOG_FILE);
  const running = await startServer(opts);
  const heapLimitMb = Math.round(v8.getHeapStatistics().heap_size_limit / 1024 / 1024);
  log().info({ url: running.url, trustProxyHops: trustedProxyHops(process.env.TRUST_PROXY_HOPS), heapLimitMb }, `server ready on ${running.url}`);
  // The same signal may come twice (from the terminal and from scripts/start.ts passing it on): once is enough.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log().info({ signal }, 'shutdown: no new connections; finishing requests in flight');
      running.close().then(
        () => {
          log().info('server stopped');
          process.exit(0);
        },
        (e: unknown) => {
          log().error({ err: e }, 'shutdown failed');
          process.exit(1);
        },
      );
    });
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  runServer({ dev: process.argv.includes('--dev'), port: Number(process.env.PORT ?? 3000) }).catch((e: unknown) => {
    log().fatal({ err: e }, 'server failed to start');
    process.exit(1);
  });
}
