// Drill 2: a PostgreSQL backend in the middle of one of the app's transactions is killed with -9.
// The server then restarts every session and recovers from its write-ahead log (crash recovery),
// as after an out-of-memory kill. Afterwards nothing is half-written, every acknowledged write is
// there once, and every submission sent again with its idempotency key — acknowledged or not —
// yields one application: the original one when it had been acknowledged.
import { sleep, type Drill } from './harness';
import { deploymentSecrets, startApp, startDrillPg } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

export const pgKill: Drill = {
  name: 'pg-kill',
  title: 'PostgreSQL killed (-9) mid-transaction',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets: deploymentSecrets() });
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: await signInBoth(app.base), fixture: f, sql: pg.sql, tag: 'kill' });
    await load.run({ writers: 1, readers: 0, maxMs: 60_000, maxJourneys: 1 });
    load.outcomes.length = 0;

    const running = load.run({ writers: 4, readers: 1, maxMs: 20_000 });
    await sleep(4_000);
    // A backend of the app inside a transaction (xact_start set, not the drill's own connection).
    let killed: number | null = null;
    for (let i = 0; i < 200 && killed === null; i++) {
      const rows = await pg.sql<{ pid: number; query: string }[]>`
        select pid, query from pg_stat_activity where application_name = 'kerongtong' and xact_start is not null and state <> 'idle' and query not ilike 'begin%' limit 1`;
      if (rows[0]) {
        process.kill(rows[0].pid, 'SIGKILL');
        killed = rows[0].pid;
        ctx.log(`killed backend ${killed} (-9) during: ${rows[0].query.slice(0, 80)}`);
      } else await sleep(10);
    }
    await running;
    ctx.check('a backend was killed with -9 inside one of the app’s transactions', killed !== null);

    const s = load.summary();
    ctx.check(
      `the app kept serving through crash recovery (${s.total - s.failed} of ${s.total} requests answered, failures clear)`,
      s.unclear.length === 0 && s.total > 50,
      errorDigest(s.failures),
    );

    // Every submission sent again with its key: one application, the original one if acknowledged.
    const again = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'kill-again' });
    const mismatched: string[] = [];
    for (const sub of load.submissions) {
      const r = await again.action('submit', `/products/${f.product.id}/apply`, again.ids.submit, load.actors.sme, sub.args);
      const id = r.result?.data?.id;
      if (!r.ok || (sub.id && (id !== sub.id || r.result?.data?.created !== false)))
        mismatched.push(`${sub.key}: ${r.ok ? `${sub.id} → ${String(id)}` : r.error}`);
      else if (!sub.id) load.acked.applications.push({ id: String(id), key: sub.key });
    }
    const unacked = load.submissions.filter((x) => !x.id).length;
    ctx.check(
      `every submission sent again with its idempotency key yields one application, the original when acknowledged (${load.submissions.length} sent, ${unacked} unacknowledged)`,
      mismatched.length === 0,
      mismatched.slice(0, 3).join('; '),
    );
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
