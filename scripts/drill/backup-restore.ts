// Drill 7: backup and restore. The demo data, the scale generator's tier S and the drill's own
// journeys (audit rows from real requests) on PostgreSQL go through `npm run db:backup` (pg_dump)
// and `npm run db:restore` (pg_restore into a new database); the demo data on PGlite through its
// data-folder dump. Every table's row count, every money column's sum and a checksum of every row
// (the audit table included) must match, and an app started on the restored PostgreSQL database
// signs in and serves the signed-in pages.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { signIn } from '../../bench/lib/http';
import type { Drill, DrillContext } from './harness';
import { deploymentSecrets, PASSWORD, runStep, startApp, startDrillPg } from './stack';
import { fixture, signInBoth, Workload } from './workload';

interface TableSum {
  rows: number;
  money: Record<string, string>;
  /** md5 over every row's text, in a fixed order. */
  checksum: string;
}

/** Per table: rows, the sum of each money column (…_fen), and a checksum of its whole content. */
async function contents(sql: postgres.Sql): Promise<Map<string, TableSum>> {
  const tables = await sql<{ t: string }[]>`select tablename t from pg_tables where schemaname in ('public', 'drizzle') order by 1`;
  const money = await sql<
    { t: string; c: string }[]
  >`select table_name t, column_name c from information_schema.columns where table_schema = 'public' and column_name like '%\\_fen' order by 1, 2`;
  const out = new Map<string, TableSum>();
  for (const { t } of tables) {
    const schema = t === '__drizzle_migrations' ? 'drizzle' : 'public';
    const cols = money.filter((m) => m.t === t).map((m) => m.c);
    const sums = cols.map((c) => `coalesce(sum("${c}"), 0)::text "${c}"`).join(', ');
    const [r] = await sql.unsafe<Record<string, string>[]>(
      `select count(*)::text "__rows", md5(coalesce(string_agg(x::text, '|' order by x::text), '')) "__sum"${sums ? `, ${sums}` : ''} from "${schema}"."${t}" x`,
    );
    out.set(`${schema}.${t}`, { rows: Number(r.__rows), checksum: r.__sum, money: Object.fromEntries(cols.map((c) => [c, r[c]])) });
  }
  return out;
}

function compare(ctx: DrillContext, what: string, a: Map<string, TableSum>, b: Map<string, TableSum>) {
  const diffs: string[] = [];
  for (const [t, x] of a) {
    const y = b.get(t);
    if (!y) diffs.push(`${t} missing`);
    else if (x.rows !== y.rows) diffs.push(`${t}: ${x.rows} → ${y.rows} rows`);
    else if (JSON.stringify(x.money) !== JSON.stringify(y.money)) diffs.push(`${t}: money ${JSON.stringify(x.money)} → ${JSON.stringify(y.money)}`);
    else if (x.checksum !== y.checksum) diffs.push(`${t}: content checksum differs`);
  }
  for (const t of b.keys()) if (!a.has(t)) diffs.push(`${t} appeared`);
  const rows = [...a.values()].reduce((s, x) => s + x.rows, 0);
  const moneyCols = [...a.values()].reduce((s, x) => s + Object.keys(x.money).length, 0);
  const audit = a.get('public.audit_events')?.rows ?? 0;
  ctx.check(
    `${what}: every table's rows, money sums and content checksum match (${a.size} tables, ${rows.toLocaleString('en')} rows, ${moneyCols} money columns, ${audit.toLocaleString('en')} audit rows)`,
    diffs.length === 0 && a.size > 20 && audit > 0,
    diffs.slice(0, 5).join('; '),
  );
}

export const backupRestore: Drill = {
  name: 'backup-restore',
  title: 'backup and restore round trip (PostgreSQL with tier S, PGlite with the demo data)',
  async run(ctx) {
    const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    // PostgreSQL: demo data + tier S + a few journeys through the app.
    const pg = await startDrillPg(ctx, { tier: 'S' });
    const secrets = deploymentSecrets();
    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets });
    const f = await fixture(pg.sql);
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: await signInBoth(app.base), fixture: f, sql: pg.sql, tag: 'backup' });
    await load.run({ writers: 2, readers: 0, maxMs: 30_000, maxJourneys: 4 });
    ctx.check('journeys before the backup went through', load.acked.repayments.length === 4, `${load.acked.repayments.length} of 4 reached the repayment`);
    await app.proc.stop(); // a quiet database, so before and after compare exactly

    const file = path.join(ctx.workDir, 'krt.dump');
    await runStep(ctx, 'db:backup', ['npm', 'run', '--silent', 'db:backup', '--', file], { DATABASE_URL: pg.url });
    const before = await contents(pg.sql);
    await pg.sql.unsafe('create database krt_restored');
    const restoredUrl = pg.url.replace(/\/krt$/, '/krt_restored');
    await runStep(ctx, 'db:restore', ['npm', 'run', '--silent', 'db:restore', '--', file], { DATABASE_URL: restoredUrl });
    const restored = postgres(restoredUrl, { max: 1, onnotice: () => {} });
    ctx.defer(() => restored.end({ timeout: 1 }));
    compare(ctx, `PostgreSQL (${(fs.statSync(file).size / 1e6).toFixed(1)} MB dump)`, before, await contents(restored));
    const [{ refused }] = await restored<{ refused: boolean }[]>`
      select exists (select 1 from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal) refused`;
    ctx.check('the restored audit table is still append-only (its trigger came back)', refused);

    // The restored database serves: an app on it starts, signs in and shows the enterprise its needs.
    const back = await startApp(ctx, { name: 'app-restored', databaseUrl: restoredUrl, secrets });
    const cookie = await signIn(back.base, 'sme@kerongtong.demo', PASSWORD);
    // A need posted before the backup opens on its page (another enterprise's id, or a missing one, is a 404).
    const need = load.acked.needs[0];
    const page = await fetch(`${back.base}/enterprise/needs/${need?.id}`, { headers: { cookie }, redirect: 'manual' });
    const html = await page.text();
    ctx.check(
      'an app on the restored database starts, signs in and opens a need posted before the backup',
      page.status === 200 && html.includes(need?.id ?? '∅'),
      `HTTP ${page.status}`,
    );
    await back.proc.stop();

    // PGlite: the demo data through the data-folder dump. CI leaves it to the int suite's
    // db/backup.int.test.ts (the same round trip on PGlite), to keep its drills within minutes.
    if (process.env.DRILL_SET === 'ci') {
      ctx.log('PGlite round trip: run by `npm run drill -- backup-restore` and db/backup.int.test.ts, not in the CI set');
      return;
    }
    const dir = path.join(ctx.workDir, 'pglite');
    const env = { DATABASE_URL: '', PGLITE_DIR: dir };
    await runStep(ctx, 'seed (PGlite)', [tsx, 'scripts/seed.ts'], env, 5 * 60_000);
    const pgliteFile = path.join(ctx.workDir, 'krt-pglite.tar.gz');
    await runStep(ctx, 'db:backup (PGlite)', ['npm', 'run', '--silent', 'db:backup', '--', pgliteFile], env);
    const restoredDir = path.join(ctx.workDir, 'pglite-restored');
    await runStep(ctx, 'db:restore (PGlite)', ['npm', 'run', '--silent', 'db:restore', '--', pgliteFile], { DATABASE_URL: '', PGLITE_DIR: restoredDir });
    const [x, y] = await Promise.all([pgliteContents(dir), pgliteContents(restoredDir)]);
    compare(ctx, `PGlite (${(fs.statSync(pgliteFile).size / 1e6).toFixed(1)} MB dump)`, x, y);
  },
};

/** The same contents from a PGlite folder (opened by this process, nothing else holds it now). */
async function pgliteContents(dir: string): Promise<Map<string, TableSum>> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dir);
  try {
    // A postgres.js-like tag over PGlite, enough for contents().
    const run = async (q: string, params: unknown[] = []) => (await db.query<Record<string, string>>(q, params)).rows;
    const tag = Object.assign(
      async (strings: TemplateStringsArray, ...values: unknown[]) =>
        run(
          strings.reduce((s, part, i) => s + (i ? `$${i}` : '') + part, ''),
          values,
        ),
      { unsafe: run },
    );
    return await contents(tag as unknown as postgres.Sql);
  } finally {
    await db.close();
  }
}
