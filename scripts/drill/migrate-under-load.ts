// Drill 8: a new migration is applied while two instances behind nginx serve journeys and reads.
// The migration (an "expand" step: a column with a default on the hot applications table, an index
// on the repayments, and two seconds of work inside its transaction) is started by two
// migrators at once, as two instances of a new release starting together: the advisory lock lets
// one apply it and the other find it applied; no user request fails meanwhile.
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../../db/client';
import { migrateDb, MIGRATIONS_FOLDER } from '../../db/migrate';
import { sleep, type Drill } from './harness';
import { startDrillPg, twoInstancesBehindNginx } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

const TAG = '9999_drill_expand';
const SQL = [
  'ALTER TABLE "applications" ADD COLUMN "drill_note" text DEFAULT \'\' NOT NULL;',
  'CREATE INDEX IF NOT EXISTS "loan_repayments_drill_idx" ON "loan_repayments" ("created_at");',
  'SELECT pg_sleep(2);',
].join('\n--> statement-breakpoint\n');

/** The app's migrations plus one new one, in a folder of the drill's own. */
function migrationsWithNewOne(dir: string): string {
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const file = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] };
  const last = journal.entries[journal.entries.length - 1];
  journal.entries.push({ idx: last.idx + 1, version: last.version, when: last.when + 1, tag: TAG, breakpoints: true });
  fs.writeFileSync(file, JSON.stringify(journal, null, 2));
  fs.writeFileSync(path.join(dir, `${TAG}.sql`), SQL);
  return dir;
}

export const migrateUnderLoad: Drill = {
  name: 'migrate-under-load',
  title: 'a migration applied while two instances serve traffic',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const { lb } = await twoInstancesBehindNginx(ctx, pg.url);
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const load = new Workload({ bases: [lb.base], distDir: ctx.distDir, actors: await signInBoth(lb.base), fixture: f, sql: pg.sql, tag: 'migrate' });
    await load.run({ writers: 1, readers: 1, maxMs: 60_000, maxJourneys: 2 });
    load.outcomes.length = 0;
    const [{ n: before }] = await pg.sql<{ n: number }[]>`select count(*)::int n from drizzle.__drizzle_migrations`;

    const folder = migrationsWithNewOne(path.join(ctx.workDir, 'migrations'));
    const running = load.run({ writers: 3, readers: 2, maxMs: 15_000 });
    await sleep(4_000);
    const t0 = Date.now();
    // Two migrators at once, each on its own pool, as two instances of the new release would.
    const migrators = await Promise.all([openDb({ databaseUrl: pg.url, poolMax: 2 }), openDb({ databaseUrl: pg.url, poolMax: 2 })]);
    const results = await Promise.allSettled(migrators.map((m) => migrateDb(m, folder)));
    const tookMs = Date.now() - t0;
    await Promise.all(migrators.map((m) => m.close()));
    await running;

    const [{ n: after }] = await pg.sql<{ n: number }[]>`select count(*)::int n from drizzle.__drizzle_migrations`;
    const [{ col }] = await pg.sql<
      { col: number }[]
    >`select count(*)::int col from information_schema.columns where table_name = 'applications' and column_name = 'drill_note'`;
    const [{ locks }] = await pg.sql<{ locks: number }[]>`select count(*)::int locks from pg_locks where locktype = 'advisory'`;
    ctx.check(
      `two migrators at once: the migration applied exactly once under the advisory lock, both finished, the lock released (${tookMs} ms)`,
      results.every((r) => r.status === 'fulfilled') && after === before + 1 && col === 1 && locks === 0,
      `${results.map((r) => (r.status === 'fulfilled' ? 'ok' : String(r.reason).slice(0, 120))).join(', ')}; migrations ${before} → ${after}; column ${col}; advisory locks ${locks}`,
    );
    const s = load.summary();
    const during = load.outcomes.filter((o) => o.at >= t0 && o.at <= t0 + tookMs + 1_000).length;
    ctx.check(`no request failed while the migration ran (${s.total} requests, ${during} during it)`, s.failed === 0 && during > 0, errorDigest(s.failures));
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
