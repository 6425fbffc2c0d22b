// Catalogue query plans and timings on a large product table.
//   npm run bench -- catalogue            (starts a throwaway PostgreSQL 15; or uses DATABASE_URL)
//   BENCH_PRODUCTS=200000 npm run bench -- catalogue
// Prints, for each filtered page the catalogue serves, the plan (EXPLAIN ANALYZE) of the page and
// count queries, whether any of them scans the products table sequentially, and the median time.
import { sql } from 'drizzle-orm';
import { openDb, type Db } from '../db/client';
import { migrateDb } from '../db/migrate';
import { rowsOf } from '../db/rows';
import { findParkIdByCode, searchCatalogue } from '../db/queries/products';
import { seedDemoData } from '../lib/seed';
import { catalogueQuerySchema, type CatalogueQueryInput } from '../lib/validation/catalogue';
import { startPgServer } from '../scripts/pg-server';

const N = Number(process.env.BENCH_PRODUCTS ?? 100_000);

async function fill(db: Db) {
  // Products spread over the demo institutions, 90 % published, varied terms and text.
  await db.execute(sql`
    insert into products (institution_id, name, category, summary, description, amount_min_fen, amount_max_fen,
      term_min_months, term_max_months, rate_type, rate_min_bp, rate_max_bp, guarantee_methods, repayment_methods,
      eligible_park_ids, zone_exclusive, status, published_at)
    select i.id,
      (array['科创','智造','数据','绿色','专精','园区'])[1 + g % 6] || (array['积分贷','数字贷','设备贷','融担贷','知识产权质押贷','信用贷','经营贷'])[1 + g % 7] || g,
      (array['points','digital','equipment','guarantee','ip_pledge','credit','other'])[1 + g % 7],
      (array['面向园区科技企业','支持设备更新','以专利商标质押','依据纳税数据授信','政府性融资担保'])[1 + g % 5] || '，编号' || g,
      '',
      (1 + g % 50) * 1000000::bigint, (60 + g % 3000) * 1000000::bigint,
      1 + g % 12, 12 + g % 48, 'fixed', 250 + g % 200, 450 + g % 300,
      (case g % 4 when 0 then array['credit'] when 1 then array['mortgage'] when 2 then array['pledge'] else array['guarantee','credit'] end)::guarantee_method[],
      array['equal_installment']::repayment_method[],
      case when g % 5 = 0 then array[1 + g % 5] else '{}'::int[] end,
      g % 11 = 0,
      case when g % 10 = 0 then 'draft' else 'published' end::product_status,
      now() - (g || ' minutes')::interval
    from generate_series(1, ${N}) g
    cross join lateral (select id from institutions where status = 'active' order by id offset (g % 9) limit 1) i`);
  await db.execute(sql`vacuum analyze products`);
}

const PAGES: [string, CatalogueQueryInput][] = [
  ['category', { category: 'equipment' }],
  ['category + amount + term', { category: 'credit', amount: String(500 * 1_000_000), term: '24' }],
  ['guarantee', { guarantee: 'pledge' }],
  ['exclusive', { exclusive: 'true' }],
  ['institution', {}],
  ['search 专利', { q: '专利' }],
  ['search 设备贷', { q: '设备贷' }],
  ['park', { park: 'nanhai' }],
  ['category, sort by rate', { category: 'points', sort: 'rate' }],
  ['category, page 20', { category: 'digital', page: '20' }],
];

async function main() {
  const server = process.env.DATABASE_URL ? null : await startPgServer();
  const handle = await openDb({ databaseUrl: process.env.DATABASE_URL ?? server!.url });
  try {
    await migrateDb(handle);
    const db = handle.db;
    const [{ n }] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from parks`));
    if (n === 0) await seedDemoData(db);
    const t0 = Date.now();
    await fill(db);
    console.log(`filled ${N} products in ${Date.now() - t0} ms`);
    const [{ id: institutionId }] = rowsOf<{ id: string }>(await db.execute(sql`select id from institutions where status = 'active' order by id limit 1`));
    let seqScans = 0;
    for (const [label, input] of PAGES) {
      const q = catalogueQuerySchema.parse(label === 'institution' ? { institution: institutionId } : input);
      const parkId = q.park ? await findParkIdByCode(db, q.park) : null;
      // Capture the SQL the catalogue actually sends, then EXPLAIN it.
      const statements: { sql: string; params: unknown[] }[] = [];
      const logger = (handle as unknown as { db: { _: { session: { logger: { logQuery: (s: string, p: unknown[]) => void } } } } }).db._.session;
      const prev = logger.logger;
      logger.logger = { logQuery: (s, p) => statements.push({ sql: s, params: p }) };
      await searchCatalogue(db, q, parkId);
      logger.logger = prev;
      const times: number[] = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await searchCatalogue(db, q, parkId);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(`\n=== ${label}: median ${times[7].toFixed(2)} ms, p90 ${times[13].toFixed(2)} ms`);
      for (const st of statements) {
        const client = (handle as unknown as { db: { $client: { unsafe: (q: string, p: unknown[]) => Promise<{ 'QUERY PLAN': string }[]> } } }).db.$client;
        const plan = (await client.unsafe(`explain (analyze, costs off, timing off, summary off) ${st.sql}`, st.params as never)).map((r) => r['QUERY PLAN']);
        if (plan.some((l) => /Seq Scan on products/.test(l))) seqScans++;
        console.log(plan.map((l) => `  ${l}`).join('\n'));
      }
    }
    console.log(`\nsequential scans of products across ${PAGES.length} filtered pages: ${seqScans}`);
  } finally {
    await handle.close();
    server?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
