// The app's Prometheus metrics (prom-client), served by /api/metrics. One registry per process on
// globalThis: scripts/server.ts counts requests, Next's bundles count sign-in failures and replica
// fall-backs, and the route reads the same registry. Values that live in the database (job queue)
// or in the pool are read when scraped (`observeAtScrape`).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeOf } from './metrics-route';

/** Distinct route labels kept; later new ones count as "other" (a scanner must not grow the registry). */
const MAX_ROUTES = 300;

function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'krt_' });
  const m = {
    registry,
    routes: new Set<string>(),
    requests: new Counter({
      name: 'krt_http_requests_total',
      help: 'HTTP requests answered, by method, route (ids taken out) and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'krt_http_request_duration_seconds',
      help: 'Time from request to the end of the response, by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    inFlight: new Gauge({ name: 'krt_http_requests_in_flight', help: 'Requests being answered now', registers: [registry] }),
    signInFailures: new Counter({
      name: 'krt_sign_in_failures_total',
      help: 'Refused sign-ins, by reason (invalid, disabled, rate_limited)',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    pool: new Gauge({
      name: 'krt_db_pool_connections',
      help: 'Database connections of this instance: in_use, waiting (queries queued for a connection), max',
      labelNames: ['pool', 'state'] as const,
      registers: [registry],
    }),
    jobs: new Gauge({
      name: 'krt_jobs',
      help: 'Periodic jobs (scheduled_jobs) that are due and not claimed, or running (claimed, lease not lapsed)',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    replicaUp: new Gauge({
      name: 'krt_db_replica_up',
      help: '1 when heavy reads go to the read replica, 0 while they fall back to the primary (absent without a replica)',
      registers: [registry],
    }),
    replicaFallbacks: new Counter({
      name: 'krt_db_replica_fallbacks_total',
      help: 'Reads sent to the primary because the replica could not be reached',
      registers: [registry],
    }),
    pageCache: new Counter({
      name: 'krt_page_cache_answers_total',
      help: "Pages answered through a page cache, by cache (public: visitors without a session; private: a signed-in user's own lists) and result: hit (from the cache) or miss (rendered)",
      labelNames: ['cache', 'result'] as const,
      registers: [registry],
    }),
    pageCacheBytes: new Gauge({
      name: 'krt_page_cache_bytes',
      help: 'Bytes of page bodies in a page cache, by cache',
      labelNames: ['cache'] as const,
      registers: [registry],
    }),
    scrapeErrors: new Counter({
      name: 'krt_metrics_scrape_errors_total',
      help: 'Values that could not be read for a scrape (e.g. the job queue while the database is down)',
      labelNames: ['what'] as const,
      registers: [registry],
    }),
  };
  return m;
}

type Metrics = ReturnType<typeof build>;
const g = globalThis as unknown as { __krtMetrics?: Metrics };

export function metrics(): Metrics {
  g.__krtMetrics ??= build();
  return g.__krtMetrics;
}

/** The route label: ids out, unknown paths (404) pooled, and at most MAX_ROUTES distinct. */
export function routeLabel(url: string | undefined, status: number): string {
  if (status === 404) return '(not found)';
  const m = metrics();
  const route = routeOf(url);
  if (m.routes.has(route)) return route;
  if (m.routes.size >= MAX_ROUTES) return 'other';
  m.routes.add(route);
  return route;
}

export function requestStarted(): void {
  metrics().inFlight.inc();
}

export function requestFinished(r: { method: string; route: string; status: number; seconds: number }): void {
  const m = metrics();
  m.inFlight.dec();
  m.requests.inc({ method: r.method, route: r.route, status: String(r.status) });
  m.duration.observe({ method: r.method, route: r.route }, r.seconds);
}

export function signInFailed(reason: string): void {
  metrics().signInFailures.inc({ reason });
}

export function replicaFellBack(): void {
  metrics().replicaFallbacks.inc();
}

export function pageCacheAnswered(cache: 'public' | 'private', result: 'hit' | 'miss', bytes: number): void {
  const m = metrics();
  m.pageCache.inc({ cache, result });
  m.pageCacheBytes.set({ cache }, bytes);
}

export function replicaState(up: boolean): void {
  metrics().replicaUp.set(up ? 1 : 0);
}

export interface PoolState {
  pool: string;
  inUse: number;
  waiting: number;
  max: number;
}

export interface ScrapeState {
  pools: PoolState[];
  /** null when the database could not be asked. */
  jobs: { due: number; running: number } | null;
}

export function observeAtScrape(s: ScrapeState): void {
  const m = metrics();
  for (const p of s.pools) {
    m.pool.set({ pool: p.pool, state: 'in_use' }, p.inUse);
    m.pool.set({ pool: p.pool, state: 'waiting' }, p.waiting);
    m.pool.set({ pool: p.pool, state: 'max' }, p.max);
  }
  if (s.jobs) {
    m.jobs.set({ state: 'due' }, s.jobs.due);
    m.jobs.set({ state: 'running' }, s.jobs.running);
  } else m.scrapeErrors.inc({ what: 'jobs' });
}

/** The registry in Prometheus' text format, and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const r = metrics().registry;
  return { body: await r.metrics(), contentType: r.contentType };
}
