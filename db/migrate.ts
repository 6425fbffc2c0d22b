import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDb, type Db, type DbHandle } from './client';
import { rowsOf } from './rows';

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');
// Arbitrary constant shared by every instance: only one of them migrates at a time.
const MIGRATION_LOCK_KEY = 7_401_202_611;

/** Applies pending migrations, one instance at a time (drizzle's migrator takes no lock itself). */
export async function migrateDb(handle: DbHandle, folder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.kind === 'pglite') return handle.migrate(folder); // single process by construction
  // A session lock lives on one connection: take it, migrate and release it on a connection of
  // our own (a pool could unlock on another connection and leave the lock held), with no statement
  // timeout, since an index build on a large table may take minutes.
  const own = handle.url ? await openDb({ databaseUrl: handle.url, poolMax: 1, statementTimeoutMs: 0 }) : handle;
  try {
    await own.db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await own.migrate(folder);
    } finally {
      await own.db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    if (own !== handle) await own.close();
  }
}

export interface MigrationState {
  expected: number;
  applied: number;
  latest: string | null;
  upToDate: boolean;
}

export function journalEntries(folder = MIGRATIONS_FOLDER): { tag: string; when: number }[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[];
  };
  return journal.entries;
}

export async function migrationState(db: Db, folder = MIGRATIONS_FOLDER): Promise<MigrationState> {
  const entries = journalEntries(folder);
  let applied = 0;
  try {
    const rows = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    applied = Number(rows[0]?.n ?? 0);
  } catch {
    applied = 0;
  }
  return {
    expected: entries.length,
    applied,
    latest: entries.at(-1)?.tag ?? null,
    upToDate: applied >= entries.length,
  };
}
