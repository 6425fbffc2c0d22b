// The PostgreSQL client's guards: a statement that runs too long is cancelled instead of holding a
// pooled connection, and migrating releases its advisory lock (taken on a connection of its own, so
// a second instance starting later is never blocked by a lock left on a pooled connection).
// PGlite is one process with one connection: there the same calls must simply work.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, figuresConfig, openDb, type DbHandle } from './client';
import { refreshSnapshot } from './queries/snapshots';
import { migrateDb, migrationState } from './migrate';
import { rowsOf } from './rows';
import { openTestDb, testDbKind } from './testing';

let h: DbHandle;
beforeAll(async () => {
  h = await openTestDb({ poolMax: 4 });
});
afterAll(async () => h?.close());

describe(`database client (${testDbKind()})`, () => {
  it('migrates again without error and leaves no advisory lock behind', async () => {
    await migrateDb(h);
    await migrateDb(h);
    expect((await migrationState(h.db)).upToDate).toBe(true);
    // pg_locks is the whole server's: other test files migrate their own databases meanwhile.
    const locks = rowsOf<{ n: number }>(
      await h.db.execute(
        sql`select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`,
      ),
    );
    expect(locks[0].n).toBe(0);
  });

  it('cancels a statement that exceeds the statement timeout, and the connection serves the next one', async () => {
    if (h.kind === 'pglite') {
      // No server-side timeout in the embedded database: the statement completes.
      const r = rowsOf<{ ok: number }>(await h.db.execute(sql`select 1 as ok from pg_sleep(0.05)`));
      expect(r[0].ok).toBe(1);
      return;
    }
    const short = await openDb({ databaseUrl: h.url, poolMax: 1, statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      await expect(short.db.execute(sql`select pg_sleep(3)`)).rejects.toMatchObject({ cause: { code: '57014' } });
      expect(Date.now() - started).toBeLessThan(2000);
      const r = rowsOf<{ ok: number }>(await short.db.execute(sql`select 1 as ok`));
      expect(r[0].ok).toBe(1);
    } finally {
      await short.close();
    }
  });

  it("computes a snapshot under the statement timeout it is given instead of the connection's", async () => {
    const slow = async (db: DbHandle['db']) => rowsOf<{ ok: number }>(await db.execute(sql`select 1 as ok from pg_sleep(0.4)`))[0];
    if (h.kind === 'pglite') {
      // One connection, no server-side timeout: both complete.
      expect((await refreshSnapshot(h.db, 'timeout-test', slow)).value).toEqual({ ok: 1 });
      expect((await refreshSnapshot(h.db, 'timeout-test', slow, new Date(), 5_000)).value).toEqual({ ok: 1 });
      return;
    }
    const short = await openDb({ databaseUrl: h.url, poolMax: 1, statementTimeoutMs: 200 });
    try {
      await expect(refreshSnapshot(short.db, 'timeout-test', slow)).rejects.toMatchObject({ cause: { code: '57014' } });
      const snap = await refreshSnapshot(short.db, 'timeout-test', slow, new Date(), 5_000);
      expect(snap.value).toEqual({ ok: 1 });
      // The longer limit ended with the transaction: the connection's own applies again.
      await expect(short.db.execute(sql`select pg_sleep(0.4)`)).rejects.toMatchObject({ cause: { code: '57014' } });
    } finally {
      await short.close();
    }
  });

  it("gives the figures the app's database with a pool and time limits of their own", () => {
    const env = { DATABASE_URL: 'postgres://db.example/krt', DB_STATEMENT_TIMEOUT_MS: '15000', DB_POOL_MAX: '10' } as unknown as NodeJS.ProcessEnv;
    expect(configFromEnv(env)).toMatchObject({ poolMax: 10, statementTimeoutMs: 15_000, acquireTimeoutMs: 10_000 });
    expect(figuresConfig(env)).toMatchObject({ databaseUrl: 'postgres://db.example/krt', poolMax: 3, statementTimeoutMs: 120_000, acquireTimeoutMs: 300_000 });
    expect(figuresConfig({ ...env, FIGURES_STATEMENT_TIMEOUT_MS: '600000', FIGURES_ACQUIRE_TIMEOUT_MS: '900000', DB_FIGURES_POOL_MAX: '6' })).toMatchObject({
      poolMax: 6,
      statementTimeoutMs: 600_000,
      acquireTimeoutMs: 900_000,
    });
  });
});
