// The app server's database: opened once per process (cached on globalThis so hot reloads and
// separately bundled chunks share it), migrated on open. With DATABASE_REPLICA_URL, a second
// handle on a read replica for heavy reads (never migrated: a standby is read-only); use it through
// lib/server/read-db.ts, which falls back to the primary when the replica cannot be reached.
// On PostgreSQL, a third handle for the zone's figures (getFiguresDb): a small pool of its own with
// a longer statement timeout, so that computing a province's all-time figures neither fails on the
// requests' 15 s limit nor takes the connections every other request needs. Figures computed on
// either of those are shared with every instance through the primary (db/queries/figure-answers.ts).
import { configFromEnv, figuresConfig, openDb, type Db, type DbConfig, type DbHandle } from './client';
import { migrateDb } from './migrate';
import { shareFigureAnswersThrough } from './queries/figure-answers';
import { readFiguresVersionThrough } from './queries/figures';
import { instrumentPool, type PoolStats } from './pool-stats';

const g = globalThis as unknown as {
  __kerongtongDb?: Promise<DbHandle>;
  __kerongtongReplica?: Promise<DbHandle | null>;
  __kerongtongFiguresDb?: Promise<DbHandle>;
  __kerongtongPools?: Map<string, () => PoolStats>;
};
const pools = (g.__kerongtongPools ??= new Map<string, () => PoolStats>());

export function getDbHandle(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // A page that reads the database without a request-time API would be prerendered here, and
    // the build would open (and lock) the database. Fail the build instead.
    throw new Error('The database was opened during `next build`: call a request-time API (cookies, connection()) before reading it.');
  }
  g.__kerongtongDb ??= (async () => {
    const handle = await openDb(configFromEnv());
    await migrateDb(handle);
    pools.set('primary', instrumentPool(handle));
    return handle;
  })().catch((e) => {
    g.__kerongtongDb = undefined;
    throw e;
  });
  return g.__kerongtongDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

export type { Db };

/** The read replica's handle, or null without DATABASE_REPLICA_URL. Opening does not connect. */
export function getReplicaHandle(): Promise<DbHandle | null> {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return Promise.resolve(null);
  g.__kerongtongReplica ??= (async () => {
    // No retrying a replica that cannot be reached: lib/server/read-db.ts sends the read to the primary at once.
    const config: DbConfig & { retryMs?: number } = {
      ...configFromEnv(),
      databaseUrl: url,
      poolMax: Number(process.env.DB_REPLICA_POOL_MAX || process.env.DB_POOL_MAX || 10),
      retryMs: 0,
    };
    const handle = await openDb(config);
    pools.set('replica', instrumentPool(handle));
    // Figures computed on the replica are shared through the primary (a standby cannot be written);
    // a primary that cannot be opened yet only means they stay in this instance.
    getDbHandle().then(
      (primary) => shareFigureAnswersThrough(handle.db, primary.db),
      () => {},
    );
    return handle;
  })().catch((e) => {
    g.__kerongtongReplica = undefined;
    throw e;
  });
  return g.__kerongtongReplica;
}

/**
 * The database for computing the zone's figures (the dashboard, its exports and lists, the figures
 * API, the landing page's totals). On PostgreSQL its own pool (figuresConfig); on PGlite, whose one
 * connection everything shares, the app's handle.
 */
export function getFiguresDb(): Promise<Db> {
  if (!configFromEnv().databaseUrl) return getDb();
  g.__kerongtongFiguresDb ??= (async () => {
    const primary = await getDbHandle(); // migrated before anything reads through the second pool
    const handle = await openDb(figuresConfig());
    pools.set('figures', instrumentPool(handle));
    readFiguresVersionThrough(handle.db, primary.db);
    shareFigureAnswersThrough(handle.db, primary.db);
    return handle;
  })().catch((e) => {
    g.__kerongtongFiguresDb = undefined;
    throw e;
  });
  return g.__kerongtongFiguresDb.then((h) => h.db);
}

/** Connections in use, waiting and allowed, per pool opened so far (primary, replica, figures). */
export function poolStats(): { pool: string; inUse: number; waiting: number; max: number }[] {
  return [...pools].map(([pool, stats]) => ({ pool, ...stats() }));
}
