// The app server's database: opened once per process (cached on globalThis so hot reloads and
// separately bundled chunks share it), migrated on open.
import { configFromEnv, openDb, type Db, type DbHandle } from './client';
import { migrateDb } from './migrate';

const g = globalThis as unknown as { __kerongtongDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    // A page that reads the database without a request-time API would be prerendered here, and
    // the build would open (and lock) the database. Fail the build instead.
    throw new Error('The database was opened during `next build`: call a request-time API (cookies, connection()) before reading it.');
  }
  g.__kerongtongDb ??= (async () => {
    const handle = await openDb(configFromEnv());
    await migrateDb(handle);
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
