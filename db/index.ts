// The app server's database: opened once per process (cached on globalThis so hot reloads and
// separately bundled chunks share it), migrated on open.
import { configFromEnv, openDb, type Db, type DbHandle } from './client';
import { migrateDb } from './migrate';

const g = globalThis as unknown as { __kerongtongDb?: Promise<DbHandle> };

export function getDbHandle(): Promise<DbHandle> {
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
