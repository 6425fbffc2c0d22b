// Drill 5: the database is slow. A transaction holds the row of an accepted application for 10 s
// while eight officers try to approve it and visitors keep reading: the approvals answer within
// the lock timeout with the clear "busy" message instead of piling up, the reads keep being served,
// and nothing is half-written. Then, on an instance with a pool of 2 and no lock timeout, both
// connections wait on the held row: a read answers 503 "busy" after the pool acquire timeout
// instead of waiting for a connection without end.
import { percentile, sleep, type Drill } from './harness';
import { deploymentSecrets, startApp, startDrillPg } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

export const slowDb: Drill = {
  name: 'slow-db',
  title: 'a slow database: a hot row locked for 10 s, a full pool',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const secrets = deploymentSecrets();
    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets });
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: await signInBoth(app.base), fixture: f, sql: pg.sql, tag: 'slow' });
    await load.run({ writers: 1, readers: 1, maxMs: 60_000, maxJourneys: 1 });

    /** An application accepted by the bank, ready to approve. */
    const accepted = async () => {
      const key = `drill-${crypto.randomUUID()}`;
      const sub = await load.action('submit', `/products/${f.product.id}/apply`, load.ids.submit, load.actors.sme, {
        productId: f.product.id,
        needId: '',
        amountWan: f.product.amountWan,
        termMonths: String(f.product.term),
        ipAssetIds: [],
        idempotencyKey: key,
      });
      const id = String(sub.result?.data?.id);
      load.acked.applications.push({ id, key });
      await load.action('accept', `/institution/applications/${id}`, load.ids.decide, load.actors.bank, { applicationId: id, action: 'accept' });
      load.acked.accepted.push(id);
      return id;
    };
    const approve = (w: Workload, id: string) =>
      w.action('approve', `/institution/applications/${id}`, w.ids.decide, w.actors.bank, {
        applicationId: id,
        action: 'approve',
        approvedAmountWan: f.product.amountWan,
        approvedRate: f.product.rate,
        approvedTermMonths: String(f.product.term),
      });
    /** Holds the application's row for `ms` in a transaction of the drill's own. */
    const hold = (id: string, ms: number) => {
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const done = pg.sql.begin(async (tx) => {
        await tx`select id from applications where id = ${id} for update`;
        locked();
        await sleep(ms);
      });
      return { isLocked, done };
    };

    const hot = await accepted();
    load.outcomes.length = 0;
    const h = hold(hot, 10_000);
    await h.isLocked;
    const t0 = Date.now();
    const racers = Array.from(
      { length: 8 },
      () => new Workload({ bases: [app.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'slow' }),
    );
    const readers = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'slow' });
    const [answers] = await Promise.all([Promise.all(racers.map((w) => approve(w, hot))), readers.run({ writers: 0, readers: 3, maxMs: 9_000 })]);
    await h.done;
    // PostgreSQL applies lock_timeout (5 s) to each lock a statement waits for: the first waiter in
    // line for the row can wait 5 s for the tuple lock and 5 s more for the holder's transaction.
    const busy = answers.filter((a) => a.error === 'db_busy');
    const wins = answers.filter((a) => a.ok);
    const slowest = Math.max(...answers.map((a) => a.ms));
    ctx.check(
      `approvals of the locked row answered "busy" after the lock timeout instead of piling up (${busy.length} busy, ${wins.length} through when the row was freed; slowest ${(slowest / 1000).toFixed(1)} s, the row held 10 s)`,
      busy.length + wins.length === answers.length && wins.length <= 1 && busy.length >= 6 && busy.every((a) => a.ms < 8_000) && slowest < 12_000,
      answers.map((a) => `${a.error ?? 'ok'} ${(a.ms / 1000).toFixed(1)} s`).join(', '),
    );
    const r = readers.summary();
    const p95 = percentile(
      readers.outcomes.map((o) => o.ms),
      95,
    );
    ctx.check(
      `the app served other pages meanwhile (${r.total - r.failed} of ${r.total} reads, p95 ${p95.toFixed(0)} ms)`,
      r.total > 10 && r.failed === 0 && p95 < 5_000,
      errorDigest(r.failures),
    );
    const after = wins.length ? wins[0] : await approve(racers[0], hot);
    ctx.check('once the row is free, the application is approved', after.ok && Date.now() - t0 >= 10_000, after.error ?? '');
    if (after.ok) load.acked.approved.push(hot);

    // A full pool: two connections, both waiting on a held row (no lock timeout); a read must not wait without end.
    const small = await startApp(ctx, {
      name: 'app-small-pool',
      databaseUrl: pg.url,
      secrets,
      env: { DB_POOL_MAX: '2', DB_LOCK_TIMEOUT_MS: '0', DB_ACQUIRE_TIMEOUT_MS: '1500', JOBS: 'off' },
    });
    const w = new Workload({ bases: [small.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'slow' });
    const figures = `/api/v1/figures?from=2026-01-01&to=2026-12-31`;
    await w.request('warm', { path: figures });
    const hot2 = await accepted();
    const h2 = hold(hot2, 6_000);
    await h2.isLocked;
    const stuck = [approve(w, hot2), approve(w, hot2)];
    await sleep(500);
    // Another period than the warm-up's, so no cached answer can stand in for the database.
    const read = await w.request('GET /api/v1/figures (pool full)', { path: figures.replace('2026-01-01', '2026-02-01') });
    ctx.check(
      `with every pooled connection busy, a read answers 503 "busy" after the acquire timeout (${(read.ms / 1000).toFixed(1)} s, DB_ACQUIRE_TIMEOUT_MS=1500)`,
      read.status === 503 && /db_busy/.test(read.body) && read.ms < 4_000,
      `HTTP ${read.status} ${read.body.slice(0, 120)}`,
    );
    const stuckAnswers = await Promise.all(stuck);
    await h2.done;
    ctx.check(
      'the two approvals waiting on the row: one went through once it was free',
      stuckAnswers.filter((a) => a.ok).length === 1,
      stuckAnswers.map((a) => a.error ?? 'ok').join(', '),
    );
    if (stuckAnswers.some((a) => a.ok)) load.acked.approved.push(hot2);
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
