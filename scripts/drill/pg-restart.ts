// Drill 1: PostgreSQL restarts (pg_ctl restart -m fast) a few seconds into a stream of journeys and
// reads. The app must recover without a restart, answer requests caught in the outage clearly (503
// or the action's database-unavailable message, never a stack), lose under 1 % of requests, and
// keep every acknowledged write exactly once.
import { errorDigest, fixture, signInBoth, Workload } from './workload';
import { sleep, type Drill } from './harness';
import { deploymentSecrets, startApp, startDrillPg } from './stack';
import { verifyAcknowledged } from './verify';

export const pgRestart: Drill = {
  name: 'pg-restart',
  title: 'PostgreSQL restarts mid-load',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets: deploymentSecrets() });
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const actors = await signInBoth(app.base);
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors, fixture: f, sql: pg.sql, tag: 'restart' });
    // Warm-up (first compiles of each page and action), not counted.
    await load.run({ writers: 1, readers: 1, maxMs: 60_000, maxJourneys: 1 });
    load.outcomes.length = 0;

    const running = load.run({ writers: 3, readers: 2, maxMs: 15_000 });
    await sleep(5_000);
    const pid = pg.pid();
    const t0 = Date.now();
    await pg.ctl(['restart', '-m', 'fast']);
    const outageMs = Date.now() - t0;
    ctx.log(`PostgreSQL restarted in ${outageMs} ms (postmaster ${pid} → ${pg.pid()})`);
    await running;

    const s = load.summary();
    const share = s.total ? s.failed / s.total : 1;
    ctx.check('PostgreSQL really restarted', pg.pid() !== pid, `postmaster ${pid} → ${pg.pid()}`);
    ctx.check(
      `under 1 % of requests failed (${s.failed} of ${s.total}, ${(share * 100).toFixed(2)} %)`,
      s.total > 100 && share < 0.01,
      errorDigest(s.failures),
    );
    ctx.check(
      'every failed request answered clearly (503 with a message, or the action’s database-unavailable message)',
      s.unclear.length === 0,
      errorDigest(s.unclear),
    );
    // Recovered without a restart: the same process answers reads and writes again.
    const after = new Workload({ bases: [app.base], distDir: ctx.distDir, actors, fixture: f, sql: pg.sql, tag: 'restart-after' });
    await after.run({ writers: 1, readers: 1, maxMs: 30_000, maxJourneys: 2 });
    const a = after.summary();
    ctx.check(
      'the app recovered without a restart (journeys and reads succeed after)',
      app.proc.child.exitCode === null && a.failed === 0 && after.acked.repayments.length === 2,
      errorDigest(a.failures),
    );
    for (const k of Object.keys(after.acked) as (keyof typeof after.acked)[]) (load.acked[k] as unknown[]).push(...after.acked[k]);
    ctx.log(
      `acknowledged: ${load.acked.needs.length} needs, ${load.acked.applications.length} applications, ${load.acked.disbursed.length} loans, ${load.acked.repayments.length} repayments`,
    );
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
