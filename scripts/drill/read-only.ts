// Drill 6: the database turns read-only under load (PostgreSQL with default_transaction_read_only,
// as a disk-full emergency or a standby promoted late would leave it). Writes are refused with the
// clear read-only message, reads and signed-in pages keep working, nothing is half-written, and
// writes work again once the database does.
import { sleep, type Drill } from './harness';
import { deploymentSecrets, startApp, startDrillPg } from './stack';
import { verifyAcknowledged } from './verify';
import { errorDigest, fixture, signInBoth, Workload } from './workload';

export const readOnly: Drill = {
  name: 'read-only',
  title: 'a read-only database (default_transaction_read_only)',
  async run(ctx) {
    const pg = await startDrillPg(ctx);
    const app = await startApp(ctx, { name: 'app', databaseUrl: pg.url, secrets: deploymentSecrets() });
    const f = await fixture(pg.sql);
    const [{ now: since }] = await pg.sql<{ now: Date }[]>`select now()`;
    const load = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: await signInBoth(app.base), fixture: f, sql: pg.sql, tag: 'ro' });
    await load.run({ writers: 1, readers: 1, maxMs: 60_000, maxJourneys: 1 });

    const setReadOnly = async (on: boolean) => {
      await pg.sql.unsafe(on ? 'alter system set default_transaction_read_only = on' : 'alter system reset default_transaction_read_only');
      await pg.sql.unsafe('select pg_reload_conf()');
      await sleep(300); // the backends take the new setting at their next command
    };
    await setReadOnly(true);
    ctx.defer(() => setReadOnly(false).catch(() => {}));
    const during = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'ro-during' });
    await during.run({ writers: 2, readers: 2, maxMs: 8_000 });
    const writes = during.outcomes.filter((o) => !o.kind.startsWith('GET'));
    const reads = during.outcomes.filter((o) => o.kind.startsWith('GET'));
    ctx.check(
      `writes refused with the read-only message (${writes.length} tried)`,
      writes.length > 0 && writes.every((o) => !o.ok && o.error === 'db_read_only'),
      errorDigest(writes.filter((o) => o.error !== 'db_read_only')),
    );
    ctx.check(
      `reads and signed-in pages keep working (${reads.filter((o) => o.ok).length} of ${reads.length})`,
      reads.length > 10 && reads.every((o) => o.ok),
      errorDigest(reads.filter((o) => !o.ok)),
    );
    const [{ needs }] = await pg.sql<{ needs: number }[]>`select count(*)::int needs from financing_needs where description like '演练 ro-during-%'`;
    ctx.check('nothing was written while read-only (the refused needs are not there)', needs === 0 && during.acked.needs.length === 0, `${needs} needs`);

    await setReadOnly(false);
    const after = new Workload({ bases: [app.base], distDir: ctx.distDir, actors: load.actors, fixture: f, sql: pg.sql, tag: 'ro-after' });
    await after.run({ writers: 1, readers: 1, maxMs: 30_000, maxJourneys: 2 });
    const a = after.summary();
    ctx.check('writes work again once the database does', a.failed === 0 && after.acked.repayments.length === 2, errorDigest(a.failures));
    for (const k of Object.keys(after.acked) as (keyof typeof after.acked)[]) (load.acked[k] as unknown[]).push(...after.acked[k]);
    await verifyAcknowledged(ctx, pg.sql, f, load.acked, since);
  },
};
