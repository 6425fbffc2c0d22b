// Test databases. The same integration suite runs on both kinds:
//  - TEST_DB=pglite (default): a fresh in-memory PGlite per call, migrated.
//  - TEST_DB=postgres: a fresh database on the server at TEST_PG_URL, cloned from the migrated
//    template database that scripts/test.ts prepared (CREATE DATABASE … TEMPLATE takes ~40 ms).
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDb, type DbHandle } from './client';
import { migrateDb } from './migrate';

export const TEMPLATE_DB = 'krt_template';

export function testDbKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function openTestDb(opts: { poolMax?: number } = {}): Promise<DbHandle> {
  if (testDbKind() === 'pglite') {
    const handle = await openDb({ pgliteDir: 'memory://' });
    await migrateDb(handle);
    return handle;
  }
  const base = process.env.TEST_PG_URL;
  if (!base) throw new Error('TEST_DB=postgres needs TEST_PG_URL (scripts/test.ts sets it)');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openDb({ databaseUrl: withDatabase(base, 'postgres'), poolMax: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name} template ${TEMPLATE_DB}`));
  } finally {
    await admin.close();
  }
  const handle = await openDb({ databaseUrl: withDatabase(base, name), poolMax: opts.poolMax ?? 10 });
  await migrateDb(handle); // a no-op on the migrated template; proves the history matches
  return handle;
}
