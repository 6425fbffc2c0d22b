// GET /api/metrics — Prometheus text format (lib/server/metrics.ts): requests and durations per route,
// the database pools, the job queue, sign-in failures, the read replica. Only for the bearer of
// METRICS_TOKEN when it is set, otherwise only for this machine and private networks; 404 for
// everyone else (lib/server/metrics-access.ts).
import { getDb, poolStats } from '@/db';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { queueDepth } from '@/lib/jobs/scheduler';
import { metricsAllowed } from '@/lib/server/metrics-access';
import { observeAtScrape, renderMetrics } from '@/lib/server/metrics';

export const dynamic = 'force-dynamic';

/** The job queue is read with a short wait: a scrape must answer while the database is down. */
const DB_WAIT_MS = 2_000;

export async function GET(req: Request) {
  const allowed = metricsAllowed({
    token: process.env.METRICS_TOKEN,
    authorization: req.headers.get('authorization'),
    clientAddress: req.headers.get(CLIENT_ADDRESS_HEADER),
  });
  if (!allowed) return new Response('Not Found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const jobs = await Promise.race([
    getDb().then((db) => queueDepth(db)),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), DB_WAIT_MS).unref()),
  ]).catch(() => null);
  observeAtScrape({ pools: poolStats(), jobs });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { 'Content-Type': contentType, 'Cache-Control': 'no-store' } });
}
