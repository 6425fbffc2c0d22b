// The app's HTTP server (what `npm start` runs, through scripts/start.ts): Next's request handler
// behind node:http, so the app learns the client's address from the socket. Next's own server keeps
// a client-sent X-Forwarded-For and fills one in only when it is missing, so headers alone cannot
// tell a forged address from a real one; here every request gets x-krt-client-address from the
// socket (or, behind TRUST_PROXY_HOPS proxies, from X-Forwarded-For), after any client-sent copy
// is deleted (lib/auth/client-address.ts).
//
// SIGTERM / SIGINT: stop accepting connections, let requests in flight finish (up to
// SHUTDOWN_GRACE_MS), close the database, exit 0.
//
//   tsx scripts/server.ts [--dev]      PORT (3000), TRUST_PROXY_HOPS (0); listens on all interfaces
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { stampClientAddress, trustedProxyHops } from '../lib/auth/client-address';

const SHUTDOWN_GRACE_MS = 10_000;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

/** Every request: the client address stamped (client-sent copy dropped) before Next sees it. */
export function withClientAddress(handle: Handler, trustedHops: number): http.RequestListener {
  return (req, res) => {
    stampClientAddress(req.headers, req.socket.remoteAddress, trustedHops);
    handle(req, res).catch((e: unknown) => {
      console.error('[server] unhandled error', e);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };
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
  const handle = app.getRequestHandler();

  let inFlight = 0;
  const listener = withClientAddress(handle, hops);
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
        console.warn(`[server] ${inFlight} request(s) still running after ${SHUTDOWN_GRACE_MS} ms; closing their connections`);
        server.closeAllConnections();
      }, SHUTDOWN_GRACE_MS);
      server.closeIdleConnections();
      await closed;
      clearInterval(idle);
      clearTimeout(deadline);
      await app.close().catch(() => {});
      // db/index.ts caches the handle on globalThis; closing it releases the PGlite folder lock.
      const db = (globalThis as { __kerongtongDb?: Promise<{ close(): Promise<void> }> }).__kerongtongDb;
      if (db) await db.then((h) => h.close()).catch((e: unknown) => console.error('[server] closing the database failed', e));
    })());

  return { server, url: `http://localhost:${port}`, close };
}

/** Runs the server until SIGTERM or SIGINT, then shuts it down gracefully and exits 0. */
export async function runServer(opts: { dev: boolean; port: number; hostname?: string }): Promise<void> {
  const running = await startServer(opts);
  console.log(`[server] ready on ${running.url}${process.env.TRUST_PROXY_HOPS ? ` (client address from X-Forwarded-For, ${process.env.TRUST_PROXY_HOPS} trusted proxy hop(s))` : ''}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`[server] ${signal}: no new connections; finishing requests in flight…`);
      running.close().then(
        () => {
          console.log('[server] stopped');
          process.exit(0);
        },
        (e: unknown) => {
          console.error('[server] shutdown failed', e);
          process.exit(1);
        },
      );
    });
  }
}

if (typeof require !== 'undefined' && require.main === module) {
  runServer({ dev: process.argv.includes('--dev'), port: Number(process.env.PORT ?? 3000) }).catch((e: unknown) => {
    console.error('[server] failed to start', e);
    process.exit(1);
  });
}
