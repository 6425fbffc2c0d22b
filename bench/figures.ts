// `npm run bench -- figures`: times each figure query of the dashboard and the figures API against
// the database in DATABASE_URL (load a tier first: npm run db:seed:scale -- --tier M), for this year,
// for all time and for a past quarter, and the whole dashboard as the page runs it. Prints the
// median of BENCH_RUNS runs (default 3) per query, in milliseconds; BENCH_CONCURRENCY (8) dashboards at
// once as the app bench's 8 connections ask for them; BENCH_ONLY=a,b runs only the cases whose names
// start so. Asserts nothing.
import { sql } from 'drizzle-orm';
import { configFromEnv, openDb, type Db } from '../db/client';
import { listActiveInstitutionOptions } from '../db/queries/institutions';
import { listParks } from '../db/queries/parks';
import * as q from '../db/queries/figures';
import { figuresBreakdown, league, needsFunnel, staleNeedsPage, zoneFigures, type ResolvedFilter } from '../lib/figures/service';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const only = process.env.BENCH_ONLY?.split(',');

/** What /admin/dashboard runs for one request (app/admin/dashboard/page.tsx), at once, on the one pool. */
function dashboard(db: Db, f: ResolvedFilter) {
  return Promise.all([
    zoneFigures(db, f),
    figuresBreakdown(db, f, 'month'),
    needsFunnel(db, f, 'month'),
    league(db, f),
    staleNeedsPage(db, f, 1, 10),
    listParks(db),
    listActiveInstitutionOptions(db),
  ]);
}

/**
 * Each run computes: a committed transaction (txid_current() takes an id) changes the database's
 * snapshot, so lib/figures/cache.ts has nothing to reuse. Identical calls inside one run (the
 * concurrent dashboards) still share one computation, as they do in the app.
 */
async function time(db: Db, fn: () => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    await db.execute(sql`select txid_current()`);
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  out.sort((a, b) => a - b);
  return out[Math.floor(out.length / 2)];
}

async function main() {
  const config = configFromEnv();
  if (!config.databaseUrl) throw new Error('set DATABASE_URL to a server loaded with a scale tier');
  const h = await openDb({ ...config, statementTimeoutMs: 0 });
  const year = String(new Date().getFullYear());
  const periods: [string, ResolvedFilter][] = [
    [`year ${year}`, { from: `${year}-01-01`, to: `${year}-12-31`, parkId: null, parkCode: null, institutionId: null, category: null }],
    ['all time', { from: '2000-01-01', to: '2100-12-31', parkId: null, parkCode: null, institutionId: null, category: null }],
    ['2026 Q1', { from: '2026-01-01', to: '2026-03-31', parkId: null, parkCode: null, institutionId: null, category: null }],
  ];
  const rows: string[] = ['| query | ' + periods.map(([n]) => n).join(' | ') + ' |', '| --- |' + periods.map(() => ' ---: |').join('')];
  const cases: [string, (f: ResolvedFilter) => Promise<unknown>][] = [
    ['supply (institutions, products, enterprises)', (f) => q.supplyFigures(h.db, f)],
    ['demand', (f) => q.demandFigures(h.db, f)],
    ['applications (rate, median)', (f) => q.applicationFigures(h.db, f)],
    ['credit granted', (f) => q.creditFigures(h.db, f)],
    ['loans and IP pledges', (f) => q.loanFigures(h.db, f)],
    ['schemes', (f) => q.schemeFigures(h.db, f)],
    ['funnel', (f) => needsFunnel(h.db, f)],
    ['league table', (f) => league(h.db, f)],
    ['stale needs', (f) => staleNeedsPage(h.db, f, 1, 20)],
    ['breakdown by month', (f) => figuresBreakdown(h.db, f, 'month')],
    ['breakdown by institution', (f) => figuresBreakdown(h.db, f, 'institution')],
    ['zoneFigures (the API)', (f) => zoneFigures(h.db, f)],
    ['the dashboard page (its queries together)', (f) => dashboard(h.db, f)],
    [
      `${concurrency} dashboards at once (identical: they share one computation, as in the app)`,
      (f) => Promise.all(Array.from({ length: concurrency }, () => dashboard(h.db, f))),
    ],
  ];
  try {
    for (const [name, fn] of cases) {
      if (only && !only.some((o) => name.startsWith(o))) continue;
      const ms: string[] = [];
      for (const [, f] of periods) ms.push((await time(h.db, () => fn(f))).toFixed(0));
      rows.push(`| ${name} | ${ms.join(' | ')} |`);
      console.error(rows.at(-1));
    }
  } finally {
    await h.close();
  }
  console.log(`\nFigure queries, median of ${runs} runs, ms (DATABASE_URL):\n`);
  console.log(rows.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
